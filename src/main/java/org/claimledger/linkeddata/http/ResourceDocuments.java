package org.claimledger.linkeddata.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimledger.linkeddata.LinkedData;
import org.claimledger.linkeddata.PublicBase;
import org.claimledger.linkeddata.RdfFormat;
import org.claimledger.linkeddata.Scope;
import org.claimledger.web.Etags;

import java.net.URI;

/**
 * A source's, a claim's or a proposition's own document as JSON-LD, for a client that asks for
 * {@code application/ld+json} before {@code application/json}; plain JSON stays the default.
 */
@ApplicationScoped
public class ResourceDocuments {

    @Inject
    LinkedData linkedData;

    @Inject
    PublicBase publicBase;

    /** Whether the request asks for JSON-LD rather than the ledger's own JSON. */
    public boolean asked(HttpHeaders headers) {
        return RdfFormat.prefersJsonLd(headers.getAcceptableMediaTypes());
    }

    /** The resource in scope as JSON-LD, tagged with its version (the body's digest is added as for every read). */
    public Response answer(Scope scope, UriInfo uri, long version) {
        return Response.ok(linkedData.document(scope, publicBase.of(uri)), RdfFormat.JSON_LD.contentType())
                .tag(Etags.of(version)).build();
    }

    /** Linked data is the ledger as it stands: a reading at another time is served as the ledger's JSON only. */
    public static HttpProblem onlyAsItStands() {
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/not-acceptable"))
                .withStatus(406)
                .withTitle("Not acceptable")
                .withDetail("application/ld+json gives the verdict as it stands; asOf and publishedBefore are answered as application/json")
                .build();
    }
}
