package org.claimledger.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.Context;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies one token at start-up, on a thread of its own: the first verification in a JVM loads and
 * initialises jose4j and the JCA's RSA classes. Left to the first request with a token, that ran on
 * the event loop and held every connection for 2 s after a restart (reconnecting subscribers waited,
 * one was dropped).
 * The token is signed by a throwaway key and checked by the service's own verifier with its
 * configured checks, only the key being the throwaway one; {@code verify} is not remembered by
 * {@link RememberedTokens}, so the token is never taken for a verified one.
 *
 * <p>Readiness waits for it ({@link TokenWarmUpReadiness}), never longer than {@link #LONGEST}; a
 * warm-up that fails is logged and counts as done: it is an optimisation, never a reason not to start.
 */
@ApplicationScoped
public class TokenWarmUp {

    private static final Logger LOG = Logger.getLogger(TokenWarmUp.class);
    static final Duration LONGEST = Duration.ofSeconds(10);

    /** What the warm-up did: on which thread, how long its verification took, and whether the token passed. */
    public record Warmed(String thread, boolean onEventLoop, Duration verification, boolean verified) {
    }

    @Inject
    JWTParser parser;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<Set<String>> audiences;

    private volatile long startedAt;
    private volatile Warmed warmed;

    // first among the start-up observers, so that it runs beside the rest of the start-up
    void start(@Observes @Priority(1) StartupEvent event) {
        startedAt = System.nanoTime();
        Thread thread = new Thread(this::warm, "token-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The warm-up once it is done (null before). */
    public Warmed warmed() {
        return warmed;
    }

    /** Whether readiness should stop waiting for the warm-up: it is done, or has taken too long already. */
    boolean waitedFor() {
        return warmed != null || System.nanoTime() - startedAt > LONGEST.toNanos();
    }

    private void warm() {
        long began = System.nanoTime();
        Duration verification = Duration.ZERO;
        boolean verified = false;
        try {
            verification = verifyThrowaway(parser, issuer.orElse(null), audiences.orElse(Set.of()));
            verified = true;
        } catch (Exception | LinkageError e) {
            LOG.warnf("warming token verification failed (%s); the first request with a token will pay for it", e);
        } finally {
            warmed = new Warmed(Thread.currentThread().getName(), Context.isOnEventLoopThread(), verification,
                    verified);
        }
        LOG.debugf("token verification warmed in %d ms (the verification itself %d ms)",
                Duration.ofNanos(System.nanoTime() - began).toMillis(), verification.toMillis());
    }

    /**
     * Signs a token with a fresh RSA key and has the parser verify it with that key, as it verifies a
     * caller's token; returns how long the verification took.
     */
    static Duration verifyThrowaway(JWTParser parser, String issuer, Set<String> audiences)
            throws GeneralSecurityException, ParseException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048); // the least jose4j accepts for RS256
        KeyPair key = rsa.generateKeyPair();
        JwtClaimsBuilder claims = Jwt.subject("token-warm-up").upn("token-warm-up").expiresIn(60);
        if (issuer != null) {
            claims.issuer(issuer);
        }
        if (!audiences.isEmpty()) {
            claims.audience(audiences);
        }
        String token = claims.sign(key.getPrivate());
        long began = System.nanoTime();
        parser.verify(token, key.getPublic());
        return Duration.ofNanos(System.nanoTime() - began);
    }
}
