package org.claimledger.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads are public by default; with {@code claimledger.auth.public-reads=false} every read of the API
 * and of the pages needs a token with any of the ledger's roles (so a browser without one reads nothing).
 */
@Provider
public class ReadAccess implements ContainerRequestFilter {

    @ConfigProperty(name = "claimledger.auth.public-reads", defaultValue = "true")
    boolean publicReads;

    @Inject
    SecurityIdentity identity;

    /** The API's reads, and the pages, which show the same things (their stylesheet and script show nothing). */
    static boolean readsTheLedger(String path) {
        return path.startsWith("/api/") || Demand.isPage(path);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (publicReads || !"GET".equals(request.getMethod()) || !readsTheLedger(request.getUriInfo().getPath())) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException("reading the ledger needs a token");
        }
        if (!(identity.hasRole(Roles.READER) || identity.hasRole(Roles.CONTRIBUTOR)
                || identity.hasRole(Roles.REVIEWER) || identity.hasRole(Roles.ADMIN))) {
            throw new io.quarkus.security.ForbiddenException("reading the ledger needs the reader role");
        }
    }
}
