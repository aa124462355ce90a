package org.claimledger.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/** Answers 429 with Retry-After when a caller asks more of the API than its share. */
@Provider
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Inject
    Caller caller;

    @Context
    HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        long wait = limits.tryAcquire(key(caller, http));
        if (wait > 0) {
            throw HttpProblem.builder()
                    .withType(URI.create("https://claimledger.org/problems/too-many-requests"))
                    .withStatus(429)
                    .withTitle("Too many requests")
                    .withDetail("slow down: try again in " + wait + " s")
                    .withHeader("Retry-After", wait)
                    .build();
        }
    }

    /** Who a limit applies to: the token's subject, or the address of an anonymous caller. */
    public static String key(Caller caller, HttpServerRequest http) {
        String name = caller.name();
        if (!Caller.ANONYMOUS.equals(name)) {
            return "subject:" + name;
        }
        return "address:" + (http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }
}
