package org.claimledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.claimledger.common.Rejection;
import org.claimledger.security.Caller;
import org.claimledger.store.Sql;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code Idempotency-Key} on every POST (ADR 14), as payment APIs have it: a client that does not
 * know whether its write arrived sends it again with the same key and gets the first answer, and
 * nothing is written twice (an assessment sent three times is one grade). The key belongs to the
 * caller (another caller's key is another key); the same key with another request is refused 422;
 * a request still being answered under the key, 409. Only written answers (2xx) are remembered: a
 * refusal wrote nothing, so trying again decides again. Answers are kept {@code remember} (24 h).
 *
 * <p>What is not covered: a crash after the write committed but before its answer was stored
 * leaves the key "being answered"; after {@code abandoned-after} a retry runs the request again,
 * which for everything written by id replays as 200, and for an assessment records it again.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotentWrites {

    private static final Logger LOG = Logger.getLogger(IdempotentWrites.class);
    static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY = 200;

    @Inject
    DataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    HttpServerRequest http;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "claimledger.idempotency.remember", defaultValue = "24H")
    Duration remember;

    @ConfigProperty(name = "claimledger.idempotency.abandoned-after", defaultValue = "60S")
    Duration abandonedAfter;

    private record Answer(String request, Integer status, String contentType, String location, String etag,
                          String body) {
    }

    @AroundInvoke
    Object answerOnce(InvocationContext invocation) throws Exception {
        String key = http.getHeader(HEADER);
        if (key == null || !invocation.getMethod().isAnnotationPresent(POST.class)) {
            return invocation.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw Rejection.invalid(HEADER, "must be 1 to " + MAX_KEY + " characters (a UUID, say)");
        }
        String who = caller.name();
        String request = fingerprint(invocation);
        Sql sql = new Sql(dataSource);
        Optional<Answer> earlier = claim(sql, who, key, request);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        Response answer;
        try {
            Object result = invocation.proceed();
            answer = result instanceof Response r ? r : Response.ok(result).build();
        } catch (Exception | Error e) {
            forget(sql, who, key);
            throw e;
        }
        if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
            Object entity = answer.getEntity();
            sql.update("""
                            UPDATE idempotent_answer SET status = ?, content_type = ?, location = ?, etag = ?, body = ?
                             WHERE caller = ? AND key = ?""",
                    answer.getStatus(), "application/json",
                    answer.getLocation() == null ? null : answer.getLocation().toString(),
                    answer.getHeaderString(HttpHeaders.ETAG),
                    entity == null ? null : json.writeValueAsString(entity), who, key);
        } else {
            forget(sql, who, key);
        }
        return answer;
    }

    /**
     * Takes the key for this request, or finds what was answered under it. Empty: go ahead. A key
     * whose request was abandoned (a crash before its answer) is taken over.
     */
    private Optional<Answer> claim(Sql sql, String who, String key, String request) {
        for (int round = 0; round < 3; round++) {
            int taken = sql.update("""
                    INSERT INTO idempotent_answer (caller, key, request) VALUES (?, ?, ?)
                    ON CONFLICT (caller, key) DO UPDATE SET request = EXCLUDED.request, created_at = now(),
                           status = NULL, content_type = NULL, location = NULL, etag = NULL, body = NULL
                     WHERE idempotent_answer.created_at < now() - make_interval(secs => ?)
                        OR (idempotent_answer.status IS NULL
                            AND idempotent_answer.created_at < now() - make_interval(secs => ?))""",
                    who, key, request, (double) remember.toSeconds(), (double) abandonedAfter.toSeconds());
            if (taken == 1) {
                return Optional.empty();
            }
            Optional<Answer> found = sql.one("""
                            SELECT request, status, content_type, location, etag, body
                              FROM idempotent_answer WHERE caller = ? AND key = ?""",
                    rs -> new Answer(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)), who, key);
            if (found.isPresent()) {
                return found;
            }
        }
        throw Rejection.unavailable("the Idempotency-Key could not be taken; try again");
    }

    private static Response replay(Answer earlier, String request) {
        if (!earlier.request().equals(request)) {
            throw HttpProblem.builder()
                    .withType(URI.create("https://claimledger.org/problems/idempotency-key-reused"))
                    .withStatus(422)
                    .withTitle("Idempotency-Key reused")
                    .withDetail("Idempotency-Key: this key was sent before with another request; use a new key for a new request")
                    .with("errors", java.util.List.of(new org.claimledger.common.FieldError(HEADER,
                            "was sent before with another request")))
                    .build();
        }
        if (earlier.status() == null) {
            throw HttpProblem.builder()
                    .withType(URI.create("https://claimledger.org/problems/idempotency-key-in-use"))
                    .withStatus(409)
                    .withTitle("Request under way")
                    .withDetail("Idempotency-Key: a request with this key is still being answered; try again shortly")
                    .withHeader("Retry-After", 1)
                    .build();
        }
        Response.ResponseBuilder answer = Response.status(earlier.status())
                .header("Idempotent-Replayed", "true");
        if (earlier.body() != null) {
            answer.entity(earlier.body()).type(earlier.contentType());
        }
        if (earlier.location() != null) {
            answer.header(HttpHeaders.LOCATION, earlier.location());
        }
        if (earlier.etag() != null) {
            answer.header(HttpHeaders.ETAG, earlier.etag());
        }
        return answer.build();
    }

    private static void forget(Sql sql, String who, String key) {
        sql.update("DELETE FROM idempotent_answer WHERE caller = ? AND key = ? AND status IS NULL", who, key);
    }

    /** The request as the resource read it: where it went and what it said (the same JSON written differently is the same). */
    private String fingerprint(InvocationContext invocation) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(http.path().getBytes(StandardCharsets.UTF_8));
        for (Object argument : invocation.getParameters()) {
            sha.update((byte) 0);
            if (argument != null) {
                sha.update(json.writeValueAsBytes(argument));
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
    }

    /** Answers older than the time they are kept are deleted every hour. */
    @jakarta.enterprise.context.ApplicationScoped
    static class Expiry {
        private ScheduledExecutorService timer;

        @Inject
        DataSource dataSource;

        @ConfigProperty(name = "claimledger.idempotency.remember", defaultValue = "24H")
        Duration remember;

        void start(@Observes StartupEvent event) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "idempotency-expiry");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::expire, 1, 60, TimeUnit.MINUTES);
        }

        void stop(@Observes ShutdownEvent event) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }

        int expire() {
            try {
                return new Sql(dataSource).update("DELETE FROM idempotent_answer WHERE created_at < now() - make_interval(secs => ?)",
                        (double) remember.toSeconds());
            } catch (RuntimeException e) {
                LOG.debug("expired idempotency keys not deleted this time", e);
                return 0;
            }
        }
    }
}
