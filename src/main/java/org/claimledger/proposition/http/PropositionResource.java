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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Propositions: the questions claims answer, and the verdicts on them. */
@Path("/api/propositions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Propositions")
public class PropositionResource {

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

    @POST
    @Operation(summary = "Define a proposition (same again: 200; otherwise under the same id: 409)")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response define(PropositionInput input) {
        if (input == null) {
            throw Rejection.invalid("body", "is required");
        }
        PropositionCommand.DefineProposition command = input.toDefine();
        return Written.of(command.propositionId(), writer.send(command, caller.name())).created("/api/propositions");
    }

    @GET
    @Operation(summary = "Propositions with their verdicts in brief, by id; filters status, subject, q; cursor paging")
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
    @Operation(summary = "Every change of the verdict's status: from, to, when, and the event that caused it")
    public History history(@PathParam("id") String id) {
        if (verdicts.current(id).isEmpty() && propositions.proposition(id).isEmpty()) {
            throw Rejection.notFound("proposition", id, null);
        }
        return new History(id, verdicts.history(id));
    }

    @GET
    @Path("{id: .+}")
    @Operation(summary = "A proposition, its verdict with positions, lines and explanation, and its claims; "
            + "asOf=<instant> gives the verdict as recorded then, publishedBefore=<year> as historiography stood")
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
        VerdictQueries.Reading reading = verdicts.read(id, asOf, year).orElseThrow(() -> asOf == null
                ? Rejection.notFound("proposition", id, null)
                : Rejection.notFound("proposition", id + "' at " + asOf + " ('", null));
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

    private static Instant instant(String text) {
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
