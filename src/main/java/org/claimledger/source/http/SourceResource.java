package org.claimledger.source.http;

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
import org.claimledger.common.Checks;
import org.claimledger.common.Rejection;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceCommand;
import org.claimledger.source.SourceDetails;
import org.claimledger.source.SourceInput;
import org.claimledger.source.view.SourceQueries;
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

/** Sources: register, correct, grade, and read what the ledger knows of one. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
@org.claimledger.web.Idempotent
public class SourceResource {

    /** A reviewer's judgement: an Admiralty grade and why. */
    public record AssessmentInput(String grade, String rationale) {
    }

    /** A corrected description of a source, and why it changed. */
    public record SourceRevision(String id, String title, java.util.List<String> authors, String kind,
                                 String published, String language, String origin,
                                 java.util.List<String> derivedFrom, String citation, String reason,
                                 @Schema(description = "The source's bibliographic record: one CSL-JSON item, as Zotero exports it",
                                         type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
                                 java.util.Map<String, Object> csl) {
    }

    /** A retraction: why the source is withdrawn, and when the retraction was published (a partial date). */
    public record RetractionInput(String reason, String date) {
    }

    /** The withdrawal of a retraction: why the source is reinstated. */
    public record ReinstatementInput(String reason) {
    }

    @Inject
    LedgerWriter writer;

    @Inject
    Caller caller;

    @Inject
    SourceQueries queries;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @Inject
    org.claimledger.linkeddata.http.ResourceDocuments linked;

    @POST
    @Operation(operationId = "registerSource", summary = "Register a source",
            description = "Records a new source under its id. The same id with the same body again changes nothing "
                    + "(200); the same id with another body is refused (409): revise it with PUT instead.")
    @APIResponse(responseCode = "201", description = "Registered", headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @APIResponse(responseCode = "200", description = "Already registered with this very body: nothing new", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response register(SourceInput input) {
        SourceCommand.RegisterSource command = required(input).toRegister();
        return Written.of(command.sourceId(), writer.send(command, caller.name())).created("/api/sources");
    }

    @GET
    @Path("{id: .+}")
    @Produces({MediaType.APPLICATION_JSON, org.claimledger.linkeddata.RdfFormat.JSON_LD_TYPE})
    @Operation(operationId = "readSource", summary = "A source, its grade, its history and its claims",
            description = "What the ledger knows of a source: its description, its current grade and every "
                    + "assessment, its changes, its retraction if any, and the claims it makes. With Accept: "
                    + "application/ld+json, the source and its claims as linked data (PROV-O, ADR 16).")
    @APIResponse(responseCode = "200", description = "The source",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = org.claimledger.source.view.SourceProfile.class)),
            @Content(mediaType = org.claimledger.linkeddata.RdfFormat.JSON_LD_TYPE, schema = @Schema(implementation = org.claimledger.linkeddata.http.ExportResource.JsonLdDocument.class))})
    public Response profile(@PathParam("id") String id) {
        return queries.profile(id)
                .map(p -> linked.asked(headers)
                        ? linked.answer(org.claimledger.linkeddata.Scope.source(id), uri, p.version())
                        : Response.ok(p).tag(Etags.of(p.version())).build())
                .orElseThrow(() -> Rejection.notFound("source", id, null));
    }

    @PUT
    @Path("{id: .+}")
    @Operation(operationId = "reviseSource", summary = "Correct what is recorded about a source",
            description = "Replaces the source's description, with a reason; the earlier one stays in the log. "
                    + "Send If-Match with the version read to refuse the write (412) when someone wrote in between.")
    @APIResponse(responseCode = "200", description = "Revised (recorded false when nothing changed)", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           SourceRevision body) {
        Long expected = writeTo(id, ifMatch, body);
        Checks checks = new Checks();
        if (body.id() != null && !body.id().equals(id)) {
            checks.fail("id", "does not match the source id in the path ('" + id + "')");
        }
        SourceDetails details = new SourceInput(id, body.title(), body.authors(), body.kind(), body.published(),
                body.language(), body.origin(), body.derivedFrom(), body.citation(), body.csl()).details(checks);
        String reason = checks.text("reason", body.reason(), false, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        var outcome = writer.send(new SourceCommand.ReviseSource(id, details, reason, expected), caller.name());
        return Written.of(id, outcome).ok();
    }

    @POST
    @Path("{id: .+}/assessments")
    @Operation(operationId = "assessSource", summary = "Grade a source's reliability",
            description = "An Admiralty grade (A to F) with a rationale. The latest grade stands; every grade is kept "
                    + "in the source's history. Send an Idempotency-Key to make a retried request record one grade.")
    @APIResponse(responseCode = "201", description = "Graded", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public Response assess(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           AssessmentInput body) {
        Long expected = writeTo(id, ifMatch, body);
        Checks checks = new Checks();
        Grade grade = null;
        if (body.grade() == null) {
            checks.fail("grade", "is required; one of A, B, C, D, E, F");
        } else {
            try {
                grade = Grade.fromWire(body.grade());
            } catch (IllegalArgumentException e) {
                checks.fail("grade", e.getMessage());
            }
        }
        String rationale = checks.text("rationale", body.rationale(), true, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        var outcome = writer.send(new SourceCommand.AssessSource(id, grade, rationale, expected),
                caller.name());
        return Response.status(201).tag(Etags.of(outcome.version()))
                .entity(Written.of(id, outcome)).build();
    }

    @POST
    @Path("{id: .+}/retraction")
    @Operation(operationId = "retractSource", summary = "Record that a source was retracted",
            description = "The source was withdrawn by its publisher, or shown forged or fabricated: from then on "
                    + "it weighs nothing in any verdict. The same retraction again changes nothing (200).")
    @APIResponse(responseCode = "201", description = "Retracted", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @APIResponse(responseCode = "200", description = "Already retracted so: nothing new", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public Response retract(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            RetractionInput body) {
        Long expected = writeTo(id, ifMatch, body);
        Checks checks = new Checks();
        String reason = checks.text("reason", body.reason(), true, Checks.MAX_LONG_TEXT);
        org.claimledger.common.PartialDate date = checks.parsed("date", body.date(), true,
                org.claimledger.common.PartialDate::parse);
        checks.throwIfAny();
        var outcome = writer.send(new SourceCommand.RetractSource(id, reason, date, expected),
                caller.name());
        return Response.status(outcome.changed() ? 201 : 200).tag(Etags.of(outcome.version()))
                .entity(Written.of(id, outcome)).build();
    }

    @POST
    @Path("{id: .+}/retraction/withdrawal")
    @Operation(operationId = "reinstateSource", summary = "Withdraw a source's retraction",
            description = "The source is reinstated and weighs again; 409 when it is not retracted.")
    @APIResponse(responseCode = "200", description = "Reinstated", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public Response reinstate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                              ReinstatementInput body) {
        Long expected = writeTo(id, ifMatch, body);
        Checks checks = new Checks();
        String reason = checks.text("reason", body.reason(), true, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        var outcome = writer.send(new SourceCommand.ReinstateSource(id, reason, expected), caller.name());
        return Written.of(id, outcome).ok();
    }

    /**
     * What every write to an existing source checks first, in this order: the source exists (404
     * naming it, whatever the body says), the If-Match is a version, there is a body. Returns the
     * version the client expects, or null.
     */
    private Long writeTo(String id, String ifMatch, Object body) {
        writer.requireSource(id);
        Long expected = Etags.expected(ifMatch);
        required(body);
        return expected;
    }

    static <T> T required(T body) {
        if (body == null) {
            throw Rejection.invalid("body", "is required");
        }
        return body;
    }
}
