package org.claimledger.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Answers 429 with Retry-After when a requester asks more API reads, pages or writes than its budget. */
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
        String path = request.getUriInfo().getPath();
        Demand demand = Demand.of(request.getMethod(), path);
        if (demand == null) {
            return;
        }
        Requester who = Requester.of(caller, http);
        long wait = limits.take(who, demand, path);
        if (wait > 0) {
            throw LimitProblems.tooManyRequests(demand, who, wait);
        }
    }
}
