package org.claimledger.pages;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.claim.view.ClaimView;
import org.claimledger.entity.view.EntityQueries;
import org.claimledger.source.Grade;
import org.claimledger.source.view.SourceProfile;
import org.claimledger.source.view.SourceQueries;
import org.claimledger.stream.UpdateLog;
import org.claimledger.verdict.view.VerdictQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A source's page: what it is, its grade history with rationales and who gave them, its claims. */
@Path("/sources")
@Tag(name = "Pages")
public class SourcePage {

    /** A claim of the source, with the question it answers and that question's status now. */
    public record SaidClaim(PropositionSheet.ClaimCard claim, String propositionId, String question, String status,
                            String statusText, boolean withdrawn, String withdrawalReason) {
    }

    /** A grade that a reviewer may give, with what it means. */
    public record GradeChoice(String grade, String meaning) {
    }

    /** The page's data. */
    public record Profile(SourceProfile source, List<SaidClaim> claims, List<GradeChoice> grades, String liveFrom) {
        public String liveUrl() {
            return "/api/streams/claims?type=" + String.join(",", org.claimledger.stream.UpdateType.aboutSources())
                    + "&from=" + liveFrom;
        }

        public String kindText() {
            return Wording.words(source.kind());
        }

        public String originText() {
            return Wording.words(source.origin());
        }

        public String authorsText() {
            return source.authors() == null ? "" : String.join(", ", source.authors());
        }

        public String assessUrl() {
            return "/api/sources/" + source.id() + "/assessments";
        }
    }

    @Inject
    SourceQueries sources;

    @Inject
    VerdictQueries verdicts;

    @Inject
    EntityQueries entities;

    @Inject
    UpdateLog updates;

    @GET
    @Path("{id: .+}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A source's page (HTML): grade history and claims")
    public Response page(@PathParam("id") String id) {
        String liveFrom = updates.head().id();
        Optional<SourceProfile> found = sources.profile(id);
        if (found.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_HTML).entity(Templates.missing("source", id)).build();
        }
        SourceProfile source = found.get();
        Set<String> propositionIds = new LinkedHashSet<>();
        Set<String> entityIds = new LinkedHashSet<>();
        for (ClaimView c : source.claims()) {
            propositionIds.add(c.propositionId());
            if (c.value() != null && c.value().has("entity")) {
                entityIds.add(c.value().get("entity").asText());
            }
        }
        Map<String, VerdictQueries.Named> questions = verdicts.named(propositionIds);
        Function<String, String> name = Names.of(entities.entities(entityIds));
        List<SaidClaim> claims = source.claims().stream().map(c -> {
            VerdictQueries.Named q = questions.get(c.propositionId());
            String status = q == null ? null : q.status();
            return new SaidClaim(PropositionSheet.ClaimCard.of(c, name), c.propositionId(),
                    q == null || q.label() == null ? c.propositionId() : q.label(), status, Wording.status(status),
                    c.withdrawn(), c.withdrawalReason());
        }).toList();
        List<GradeChoice> grades = Arrays.stream(Grade.values()).map(g -> new GradeChoice(g.wire(), g.meaning())).toList();
        return Response.ok(Templates.source(new Profile(source, claims, grades, liveFrom)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

}
