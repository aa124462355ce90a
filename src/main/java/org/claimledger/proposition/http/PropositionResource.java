package org.claimledger.proposition.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.common.Checks;
import org.claimledger.common.Rejection;
import org.claimledger.proposition.PropositionCommand;
import org.claimledger.proposition.PropositionInput;
import org.claimledger.proposition.view.PropositionQueries;
import org.claimledger.verdict.Status;
import org.claimledger.verdict.view.VerdictQueries;
import org.claimledger.security.Caller;
import org.claimledger.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.claimledger.web.Etags;
import org.claimledger.web.LedgerWriter;
import org.claimledger.web.Written;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Propositions: the questions claims answer, and the verdicts on them. */
@Path("/api/propositions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Propositions")
@org.claimledger.web.Idempotent
public class PropositionResource {

    /** What a reading adds to the proposition and its verdict: when the verdict last moved, and the views asked for. */
    public record Reading(Instant verdictChangedAt, Long verdictPosition, Instant asOf, Integer publishedBefore) {
    }

    /** The status history of a proposition's verdict. */
    public record History(String propositionId, java.util.List<VerdictQueries.Change> changes) {
    }

    @Inject
    LedgerWriter writer;

    @Inject
    Caller caller;

    @Inject
    PropositionQueries propositions;

    @Inject
    VerdictQueries verdicts;

    @Inject
    ObjectMapper json;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @Inject
    org.claimledger.linkeddata.http.ResourceDocuments linked;

    @POST
    @Operation(operationId = "defineProposition", summary = "Define a proposition",
            description = "A question claims answer: its subject, predicate, the type of its values and how many "
                    + "may be true at once. The same again: 200; another definition under the same id: 409.")
    @APIResponse(responseCode = "201", description = "Defined", headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @APIResponse(responseCode = "200", description = "Already defined so: nothing new", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response define(PropositionInput input) {
        if (input == null) {
            throw Rejection.invalid("body", "is required");
        }
        PropositionCommand.DefineProposition command = input.toDefine();
        return Written.of(command.propositionId(), writer.send(command, caller.name())).created("/api/propositions");
    }

    @GET
    @Operation(operationId = "listPropositions", summary = "Propositions with their verdicts in brief",
            description = "By id; filtered by status, subject and words of the label (q); paged with limit and the "
                    + "cursor the previous page gave as next.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerdictQueries.Page.class)))
    @org.jboss.resteasy.reactive.Cache(maxAge = 10) // a list moves with every record: kept briefly, then asked again
    public VerdictQueries.Page list(@QueryParam("status") String status, @QueryParam("subject") String subject,
                                    @QueryParam("q") String q, @QueryParam("limit") @DefaultValue("50") int limit,
                                    @QueryParam("cursor") String cursor) {
        Checks checks = new Checks();
        Status s = checks.oneOf("status", Status.class, status, false);
        checks.slug("subject", subject, false);
        checks.text("q", q, false, 200);
        checks.between("limit", limit, 1, 200);
        checks.throwIfAny();
        return verdicts.list(s == null ? null : s.wire(), subject, q == null || q.isBlank() ? null : q, limit, cursor);
    }

    @GET
    @Path("{id: .+}/history")
    @Operation(operationId = "readVerdictHistory", summary = "Every change of a verdict's status",
            description = "From which status to which, when, and what caused it: the record, and the source.")
    @APIResponse(responseCode = "200", description = "The changes, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = History.class)))
    public History history(@PathParam("id") String id) {
        if (verdicts.current(id).isEmpty() && propositions.proposition(id).isEmpty()) {
            throw Rejection.notFound("proposition", id, null);
        }
        return new History(id, verdicts.history(id));
    }

    @GET
    @Path("{id: .+}")
    @Produces({MediaType.APPLICATION_JSON, org.claimledger.linkeddata.RdfFormat.JSON_LD_TYPE})
    @Operation(operationId = "readProposition", summary = "A proposition, its verdict and why, and its claims",
            description = "The verdict with its positions, lines of testimony and explanation, and the claims. "
                    + "asOf=<instant> gives the verdict as the ledger recorded it then (unattested before anything "
                    + "was recorded); publishedBefore=<year> gives it as historiography stood, naming the sources left out. "
                    + "With Accept: application/ld+json, the proposition (schema:Claim), its verdict as a schema:ClaimReview "
                    + "and its claims as linked data (ADR 16), as they stand: not with asOf or publishedBefore (406).")
    @APIResponse(responseCode = "200", description = "The proposition and its verdict",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {PropositionQueries.PropositionView.class, org.claimledger.verdict.Verdict.class, Reading.class})),
            @Content(mediaType = org.claimledger.linkeddata.RdfFormat.JSON_LD_TYPE, schema = @Schema(implementation = org.claimledger.linkeddata.http.ExportResource.JsonLdDocument.class))})
    public Response proposition(@PathParam("id") String id, @QueryParam("asOf") String asOfText,
                                @QueryParam("publishedBefore") String publishedBeforeText) {
        Checks checks = new Checks();
        Instant asOf = checks.parsed("asOf", asOfText, false, PropositionResource::instant);
        Integer year = checks.parsed("publishedBefore", publishedBeforeText, false, PropositionResource::year);
        checks.throwIfAny();

        Optional<PropositionQueries.PropositionView> definition = propositions.proposition(id);
        if (asOf == null && definition.isEmpty()) {
            throw Rejection.notFound("proposition", id, null);
        }
        if (linked.asked(headers)) {
            if (asOf != null || year != null) {
                throw org.claimledger.linkeddata.http.ResourceDocuments.onlyAsItStands();
            }
            return linked.answer(org.claimledger.linkeddata.Scope.proposition(id), uri, definition.get().version());
        }
        // before anything was recorded about a proposition that exists now, its verdict then was unattested
        VerdictQueries.Reading reading = verdicts.read(id, asOf, year)
                .or(() -> asOf != null && definition.isPresent()
                        ? Optional.of(verdicts.beforeAnyRecord(id, asOf)) : Optional.empty())
                .orElseThrow(() -> Rejection.notFound("proposition", id, null));
        ObjectNode body = definition.map(this::describe).orElseGet(() -> json.createObjectNode().put("id", id));
        verdictInto(body, reading.verdict());
        if (reading.changedAt() != null) {
            body.put("verdictChangedAt", reading.changedAt().toString());
            body.put("verdictPosition", reading.position());
        }
        if (asOf != null) {
            body.put("asOf", asOf.toString());
            body.set("claims", json.valueToTree(reading.claimsThen()));
        } else {
            body.set("claims", json.valueToTree(definition.get().claims()));
        }
        if (year != null) {
            body.put("publishedBefore", year);
        }
        Response.ResponseBuilder answer = Response.ok(body);
        if (asOf != null) {
            // the verdict as recorded at a past instant moves only when a rebuild applies new rules
            answer.cacheControl(jakarta.ws.rs.core.CacheControl.valueOf("max-age=3600"));
        }
        definition.ifPresent(p -> answer.tag(Etags.of(p.version())));
        return answer.build();
    }

    private ObjectNode describe(PropositionQueries.PropositionView p) {
        ObjectNode body = json.valueToTree(p);
        body.remove("claims");
        return body;
    }

    private void verdictInto(ObjectNode body, JsonNode v) {
        v.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("propositionId")) {
                body.set(field.getKey(), field.getValue());
            }
        });
    }

    /** An instant as {@code asOf} takes it (the pages' citation links too). */
    public static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant such as 2026-11-20T12:00:00Z");
        }
    }

    /** A year as {@code publishedBefore} takes it (the pages' source-time slider too). */
    public static Integer year(String text) {
        if (!text.matches("\\d{1,4}")) {
            throw new IllegalArgumentException("'" + text + "' is not a year such as 1970");
        }
        return Integer.valueOf(text);
    }
}
