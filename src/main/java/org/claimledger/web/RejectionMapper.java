package org.claimledger.web;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.ext.Provider;
import org.claimledger.common.Rejection;

import java.net.URI;

/** Answers a refused command with RFC 9457 problem details: 400, 404, 409, 412 or 503, each bad field listed. */
@Provider
public class RejectionMapper extends ExceptionMapperBase<Rejection> {

    /** Long enough for a restart of PostgreSQL or a failover to be under way. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    protected HttpProblem toProblem(Rejection rejection) {
        return problemOf(rejection);
    }

    /** The problem a refusal is answered with; a 503 also says when to try again. */
    static HttpProblem problemOf(Rejection rejection) {
        int status = switch (rejection.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE -> 412;
            case UNAVAILABLE -> 503;
        };
        String title = switch (rejection.kind()) {
            case INVALID -> "Invalid input";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict with what is recorded";
            case STALE -> "Stale version";
            case UNAVAILABLE -> "Unavailable";
        };
        HttpProblem.Builder problem = HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/" + rejection.kind().name().toLowerCase()))
                .withStatus(status)
                .withTitle(title)
                .withDetail(rejection.getMessage());
        if (!rejection.errors().isEmpty()) {
            problem.with("errors", rejection.errors());
        }
        if (status == 503) {
            problem.withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        return problem.build();
    }
}
