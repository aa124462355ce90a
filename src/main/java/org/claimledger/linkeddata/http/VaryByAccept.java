package org.claimledger.linkeddata.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Vary: Accept} on what answers JSON or JSON-LD (a source, a claim, a proposition) and on the
 * export (three formats): a cache must not hand the JSON it kept to a client that asked for linked data.
 */
@Provider
public class VaryByAccept implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean negotiated = path.startsWith("/api/sources/") && !path.endsWith("/withdrawal")
                || path.startsWith("/api/propositions/") || path.equals("/api/export");
        if (negotiated && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && !response.getHeaders().containsKey(HttpHeaders.VARY)) {
            response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
    }
}
