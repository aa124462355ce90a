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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sources: register, correct, grade, and read what the ledger knows of one. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
public class SourceResource {

    /** A reviewer's judgement: an Admiralty grade and why. */
    public record AssessmentInput(String grade, String rationale) {
    }

    /** A corrected description of a source, and why it changed. */
    public record SourceRevision(String id, String title, java.util.List<String> authors, String kind,
                                 String published, String language, String origin,
                                 java.util.List<String> derivedFrom, String citation, String reason) {
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

    @POST
    @Operation(summary = "Register a source (same id and body again: 200; other body: 409)")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response register(SourceInput input) {
        SourceCommand.RegisterSource command = required(input).toRegister();
        return Written.of(command.sourceId(), writer.send(command, caller.name())).created("/api/sources");
    }

    @GET
    @Path("{id: .+}")
    @Operation(summary = "A source, its current grade, its assessment history and its claims")
    public Response profile(@PathParam("id") String id) {
        return queries.profile(id)
                .map(p -> Response.ok(p).tag(Etags.of(p.version())).build())
                .orElseThrow(() -> Rejection.notFound("source", id, null));
    }

    @PUT
    @Path("{id: .+}")
    @Operation(summary = "Correct what is recorded about a source (If-Match for optimistic concurrency)")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           SourceRevision body) {
        Long expected = writeTo(id, ifMatch, body);
        Checks checks = new Checks();
        if (body.id() != null && !body.id().equals(id)) {
            checks.fail("id", "does not match the source id in the path ('" + id + "')");
        }
        SourceDetails details = new SourceInput(id, body.title(), body.authors(), body.kind(), body.published(),
                body.language(), body.origin(), body.derivedFrom(), body.citation()).details(checks);
        String reason = checks.text("reason", body.reason(), false, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        var outcome = writer.send(new SourceCommand.ReviseSource(id, details, reason, expected), caller.name());
        return Written.of(id, outcome).ok();
    }

    @POST
    @Path("{id: .+}/assessments")
    @Operation(summary = "Grade a source's reliability (A-F) with a rationale; the latest stands, all are kept")
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
    @Operation(summary = "Record that the source was retracted (withdrawn by its publisher, shown forged or "
            + "fabricated): it weighs nothing from then on; the same retraction again: 200")
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
    @Operation(summary = "Withdraw the source's retraction: it is reinstated (409 when it is not retracted)")
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
