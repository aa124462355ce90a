package org.claimledger.claim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.claim.ClaimCommand;
import org.claimledger.claim.ClaimInput;
import org.claimledger.claim.view.ClaimQueries;
import org.claimledger.common.Checks;
import org.claimledger.common.FieldError;
import org.claimledger.common.Outcome;
import org.claimledger.common.Rejection;
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

import java.util.ArrayList;
import java.util.List;

/** Claims, addressed under the source that makes them. */
@Path("/api/sources/{sourceId: .+}/claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Claims")
@org.claimledger.web.Idempotent
public class ClaimResource {

    /** How many claims one request may carry. */
    public static final int MAX_BATCH = 1000;

    /** Why a claim is taken back. */
    public record Withdrawal(String reason) {
    }

    /** Many claims in one request (the contract's name for the shape; the body is read as JSON). */
    public record ClaimBatch(List<ClaimInput> claims) {
    }

    /** The answer to a batch: each claim's id, version and whether it was new. */
    public record Batch(List<Written> claims) {
    }

    @Inject
    LedgerWriter writer;

    @Inject
    Caller caller;

    @Inject
    ClaimQueries queries;

    @Inject
    ObjectMapper json;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @Inject
    org.claimledger.linkeddata.http.ResourceDocuments linked;

    @POST
    @Operation(operationId = "recordClaims", summary = "Record a claim the source makes, or many",
            description = "One claim object, or {\"claims\": [...]} for up to " + MAX_BATCH + " in one transaction "
                    + "(all recorded or none). The same claim id with the same body again changes nothing.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {ClaimInput.class, ClaimBatch.class})))
    @APIResponse(responseCode = "201", description = "Recorded (a batch: at least one claim was new)", headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {Written.class, Batch.class})))
    @APIResponse(responseCode = "200", description = "Already recorded with this very body: nothing new", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {Written.class, Batch.class})))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response record(@PathParam("sourceId") String sourceId, JsonNode body) {
        writer.requireSource(sourceId);
        if (body == null || !body.isObject()) {
            throw Rejection.invalid("body", "must be a claim object or {\"claims\":[...]}");
        }
        if (body.has("claims")) {
            return recordBatch(sourceId, body);
        }
        ClaimCommand.RecordClaim command = parse(body).toRecord(sourceId);
        Outcome outcome = writer.send(command, caller.name());
        return Written.of(command.claimId(), outcome).created("/api/sources/" + sourceId + "/claims");
    }

    private Response recordBatch(String sourceId, JsonNode body) {
        JsonNode items = body.get("claims");
        if (body.size() != 1) {
            throw Rejection.invalid("body", "a batch has only the field 'claims'");
        }
        if (!items.isArray() || items.isEmpty()) {
            throw Rejection.invalid("claims", "must be a non-empty array of claims");
        }
        if (items.size() > MAX_BATCH) {
            throw Rejection.invalid("claims", "at most " + MAX_BATCH + " claims per request (got " + items.size() + ")");
        }
        List<ClaimCommand.RecordClaim> commands = new ArrayList<>();
        Checks checks = new Checks();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = "claims[" + i + "]";
            if (!items.get(i).isObject()) {
                checks.fail(prefix, "must be a claim object");
                continue;
            }
            try {
                ClaimCommand.RecordClaim command = parse(items.get(i)).toRecord(sourceId);
                if (!ids.add(command.claimId())) {
                    checks.fail(prefix + ".id", "'" + command.claimId() + "' appears twice in this batch");
                }
                commands.add(command);
            } catch (Rejection r) {
                checks.addAll(r.within(prefix).errors());
            }
        }
        checks.throwIfAny();
        List<Outcome> outcomes = writer.sendAll(commands, caller.name(), i -> "claims[" + i + "]");
        List<Written> written = new ArrayList<>();
        boolean anyNew = false;
        for (int i = 0; i < commands.size(); i++) {
            written.add(Written.of(commands.get(i).claimId(), outcomes.get(i)));
            anyNew |= outcomes.get(i).changed();
        }
        return Response.status(anyNew ? 201 : 200).entity(new Batch(written)).build();
    }

    @GET
    @Path("{claimId: .+}")
    @Produces({MediaType.APPLICATION_JSON, org.claimledger.linkeddata.RdfFormat.JSON_LD_TYPE})
    @Operation(operationId = "readClaim", summary = "One claim as it now reads",
            description = "The claim with its latest revision, or withdrawn with the reason. With Accept: "
                    + "application/ld+json, as linked data (PROV-O, ADR 16).")
    @APIResponse(responseCode = "200", description = "The claim",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = org.claimledger.claim.view.ClaimView.class)),
            @Content(mediaType = org.claimledger.linkeddata.RdfFormat.JSON_LD_TYPE, schema = @Schema(implementation = org.claimledger.linkeddata.http.ExportResource.JsonLdDocument.class))})
    public Response claim(@PathParam("sourceId") String sourceId, @PathParam("claimId") String claimId) {
        return queries.claim(claimId)
                .filter(c -> c.sourceId().equals(sourceId))
                .map(c -> linked.asked(headers)
                        ? linked.answer(org.claimledger.linkeddata.Scope.claim(claimId), uri, c.version())
                        : Response.ok(c).tag(Etags.of(c.version())).build())
                .orElseThrow(() -> Rejection.notFound("claim", claimId, null));
    }

    @PUT
    @Path("{claimId: .+}")
    @Operation(operationId = "reviseClaim", summary = "Revise a claim",
            description = "A correction of how the claim was recorded, with a reason; the earlier reading stays in "
                    + "the log. If-Match refuses the write (412) when the claim changed since it was read.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimInput.class)))
    @APIResponse(responseCode = "200", description = "Revised", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response revise(@PathParam("sourceId") String sourceId, @PathParam("claimId") String claimId,
                           @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        writer.requireSource(sourceId);
        Long expected = Etags.expected(ifMatch);
        if (body == null || !body.isObject()) {
            throw Rejection.invalid("body", "must be a claim object with a reason");
        }
        ClaimCommand.ReviseClaim command = parse(body).toRevise(claimId, sourceId, expected);
        return Written.of(claimId, writer.send(command, caller.name())).ok();
    }

    @POST
    @Path("{claimId: .+}/withdrawal")
    @Operation(operationId = "withdrawClaim", summary = "Withdraw a claim",
            description = "With a reason; the claim stays in the log but no longer counts in any verdict.")
    @APIResponse(responseCode = "200", description = "Withdrawn", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response withdraw(@PathParam("sourceId") String sourceId, @PathParam("claimId") String claimId,
                             @HeaderParam("If-Match") String ifMatch, Withdrawal body) {
        writer.requireSource(sourceId);
        Long expected = Etags.expected(ifMatch);
        if (body == null) {
            throw Rejection.invalid("reason", "is required");
        }
        Checks checks = new Checks();
        String reason = checks.text("reason", body.reason(), true, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        var outcome = writer.send(new ClaimCommand.WithdrawClaim(claimId, sourceId, reason, expected),
                caller.name());
        return Written.of(claimId, outcome).ok();
    }

    /** Binds one claim object, reporting fields it does not know or cannot read as field errors. */
    private ClaimInput parse(JsonNode node) {
        try {
            return json.treeToValue(node, ClaimInput.class);
        } catch (UnrecognizedPropertyException e) {
            throw Rejection.invalid(List.of(new FieldError(e.getPropertyName(), "is not a field of a claim")));
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "body";
            throw Rejection.invalid(field, "has the wrong type: " + e.getOriginalMessage());
        }
    }

}
