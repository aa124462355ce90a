package org.claimledger.linkeddata.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.claimledger.common.Checks;
import org.claimledger.common.Rejection;
import org.claimledger.entity.view.EntityQueries;
import org.claimledger.linkeddata.LinkedData;
import org.claimledger.linkeddata.PublicBase;
import org.claimledger.linkeddata.RdfFormat;
import org.claimledger.linkeddata.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The whole ledger, or one subject, as linked data (ADR 16), streamed as it is read from the read
 * models: JSON-LD (the default), Turtle or N-Quads by Accept. No ETag: a tag of the body would
 * need the whole body before its first byte, and the log's head does not say what the read models
 * had taken in; an export is a copy to keep, answered {@code no-store}.
 */
@Path("/api/export")
@Tag(name = "Linked data")
public class ExportResource {

    private static final Logger LOG = Logger.getLogger(ExportResource.class);
    static final List<RdfFormat> OFFERED = List.of(RdfFormat.JSON_LD, RdfFormat.TURTLE, RdfFormat.N_QUADS);

    /** Exports running at once on this replica: each holds a connection and reads every table. */
    static final int AT_ONCE = 4;
    private static final Semaphore RUNNING = new Semaphore(AT_ONCE);
    static final long BUSY_RETRY_SECONDS = 10;

    @Inject
    LinkedData linkedData;

    @Inject
    PublicBase publicBase;

    @Inject
    EntityQueries entities;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    io.vertx.ext.web.RoutingContext routing;

    @GET
    @Produces({RdfFormat.JSON_LD_TYPE, RdfFormat.TURTLE_TYPE, RdfFormat.N_QUADS_TYPE})
    @Operation(operationId = "exportLedger", summary = "The ledger as linked data, streamed",
            description = "Sources and claims as prov:Entity (prov:wasDerivedFrom, prov:wasAttributedTo, "
                    + "prov:generatedAtTime; withdrawals and retractions as prov:wasInvalidatedBy), verdicts as "
                    + "schema:ClaimReview, entities with a Wikidata id owl:sameAs it. By Accept: application/ld+json "
                    + "(also for */*), text/turtle or application/n-quads; anything else 406. subject=<entity id> "
                    + "gives that subject: the entity, its propositions and verdicts, their claims and the sources "
                    + "that make them. Streamed from one snapshot of the read models; no ETag (not revalidated), "
                    + "Cache-Control no-store. Counts as many API reads as claimledger.limits.reads.export-cost.")
    @Parameter(name = "subject", description = "An entity id: only what is about it")
    @APIResponse(responseCode = "200", description = "The ledger, or the subject, in the format asked for",
            headers = @Header(name = "Cache-Control", ref = "Cache-Control"),
            content = {
                    @Content(mediaType = RdfFormat.JSON_LD_TYPE, schema = @Schema(implementation = JsonLdDocument.class)),
                    @Content(mediaType = RdfFormat.TURTLE_TYPE, schema = @Schema(type = SchemaType.STRING, description = "Turtle (RDF 1.1)")),
                    @Content(mediaType = RdfFormat.N_QUADS_TYPE, schema = @Schema(type = SchemaType.STRING, description = "N-Quads, every statement in the default graph"))})
    public Response export(@QueryParam("subject") String subject) {
        Checks checks = new Checks();
        checks.slug("subject", subject, false);
        checks.throwIfAny();
        RdfFormat format = RdfFormat.negotiate(headers.getAcceptableMediaTypes(), OFFERED)
                .orElseThrow(ExportResource::notAcceptable);
        if (subject != null && entities.entity(subject).isEmpty()) {
            throw Rejection.notFound("entity", subject, "subject");
        }
        if (!RUNNING.tryAcquire()) {
            throw HttpProblem.builder()
                    .withType(URI.create("https://claimledger.org/problems/exports-busy"))
                    .withStatus(503)
                    .withTitle("Exports busy")
                    .withDetail(AT_ONCE + " exports are being written already; try again in " + BUSY_RETRY_SECONDS + " s")
                    .withHeader("Retry-After", BUSY_RETRY_SECONDS)
                    .build();
        }
        // given back once, when the body is written or when the exchange ends without it (a client gone)
        java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable release = () -> {
            if (held.getAndSet(false)) {
                RUNNING.release();
            }
        };
        routing.addEndHandler(ended -> release.run());
        Scope scope = subject == null ? Scope.ledger() : Scope.subject(subject);
        String base = publicBase.of(uri);
        StreamingOutput body = out -> {
            try {
                linkedData.export(scope, base, format, out);
            } catch (RuntimeException | java.io.IOException e) {
                // the head has gone: the client sees the body end short of its closing
                LOG.warnf("export of %s ended early: %s", subject == null ? "the ledger" : subject, e.toString());
                throw e;
            } finally {
                release.run();
            }
        };
        return Response.ok(body, format.contentType()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    static HttpProblem notAcceptable() {
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/not-acceptable"))
                .withStatus(406)
                .withTitle("Not acceptable")
                .withDetail("the export is served as application/ld+json, text/turtle or application/n-quads")
                .build();
    }

    /** A JSON-LD document: an inline context of prefixes and a graph of nodes. */
    @Schema(name = "JsonLdDocument", description = "JSON-LD 1.1 with an inline @context of prefixes and the nodes in @graph")
    public record JsonLdDocument(
            @Schema(name = "@context", type = SchemaType.OBJECT, description = "prefix: namespace IRI") Object context,
            @Schema(name = "@graph", type = SchemaType.ARRAY, implementation = Object.class, description = "one object per node, @id its IRI") List<Object> graph) {
    }
}
