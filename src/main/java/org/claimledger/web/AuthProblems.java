package org.claimledger.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * Refused for who is asking: 401 (no valid token: missing, expired, tampered, unsigned) or 403 (a
 * valid token without the role), each as problem+json. Mapped here because the problem library's own
 * mappers for these do not link against this Quarkus version.
 */
public class AuthProblems {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e) {
        return forbidden().toResponse();
    }

    private static Response unauthorized() {
        return unauthorizedProblem().toResponse();
    }

    /** 403: the token is valid, its roles do not reach this. */
    static HttpProblem forbidden() {
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/forbidden"))
                .withStatus(403)
                .withTitle("Forbidden")
                .withDetail("this token's roles do not allow this; ask for the role it needs")
                .build();
    }

    /** 401: no valid token. */
    static HttpProblem unauthorizedProblem() {
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/unauthorized"))
                .withStatus(401)
                .withTitle("Unauthorized")
                .withDetail("a valid bearer token is needed (Authorization: Bearer <token>)")
                .withHeader("WWW-Authenticate", "Bearer")
                .build();
    }
}
