package org.claimledger.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.claim.view.ClaimQueries;
import org.claimledger.claim.view.ClaimView;
import org.claimledger.common.Checks;
import org.claimledger.entity.view.EntityQueries;
import org.claimledger.proposition.view.PropositionQueries;
import org.claimledger.source.view.SourceQueries;
import org.claimledger.stream.UpdateLog;
import org.claimledger.verdict.log.VerdictLog;
import org.claimledger.verdict.view.VerdictQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A proposition's page: the positions side by side with their testimony, the verdict's history as
 * a picture, the source-time slider, and a form to record a claim.
 */
@Path("/propositions")
@Tag(name = "Pages")
public class PropositionPage {

    /** A claim taken back: what it said, who said it, and why it was withdrawn. */
    public record WithdrawnClaim(PropositionSheet.ClaimCard claim, String sourceId, String reason) {
    }

    /**
     * How to cite what the page shows: the question's wording, its verdict, when it was read, and a
     * link that shows it again exactly so (asOf fixes the record time; publishedBefore is kept).
     */
    public record CiteThis(String wording, String status, String statusText, Instant readAt, String readOn,
                           String link, boolean asRecorded) {
    }

    /** The page's data. */
    public record Sheet(PropositionQueries.PropositionView proposition, PropositionSheet verdict, Timeline timeline,
                        List<Timeline.Change> changes, List<WithdrawnClaim> withdrawn, int firstYear, int lastYear, int sliderYear, String liveFrom,
                        List<SourceQueries.SourceBrief> sources, List<EntityQueries.EntityView> entities, CiteThis cite) {
        public String liveUrl() {
            return "/api/streams/claims?proposition=" + URLEncoder.encode(proposition.id(), StandardCharsets.UTF_8)
                    + "&from=" + liveFrom;
        }

        public String verdictUrl() {
            return "/propositions/" + proposition.id() + "?part=verdict";
        }

        public String title() {
            return proposition.label() == null ? proposition.id() : proposition.label();
        }

        public String lastSegment() {
            String id = proposition.id();
            return id.substring(id.lastIndexOf('/') + 1);
        }
    }

    @Inject
    PropositionQueries propositions;

    @Inject
    VerdictQueries verdicts;

    @Inject
    SourceQueries sources;

    @Inject
    EntityQueries entities;

    @Inject
    UpdateLog updates;

    @Inject
    ObjectMapper json;

    @Inject
    VerdictLog verdictLog;

    @Inject
    ClaimQueries claimQueries;

    @Inject
    org.claimledger.linkeddata.ClaimReviewEmbed claimReview;


    @GET
    @Path("{id: .+}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A proposition's page (HTML); publishedBefore=<year> shows the verdict as historiography stood, "
            + "asOf=<instant> as the ledger recorded it then")
    public Response page(@PathParam("id") String id, @QueryParam("publishedBefore") String publishedBefore,
                         @QueryParam("asOf") String asOfText, @QueryParam("part") String part,
                         @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        Checks checks = new Checks();
        Integer year = checks.parsed("publishedBefore", BoardPage.blankToNull(publishedBefore), false,
                org.claimledger.proposition.http.PropositionResource::year);
        Instant asOf = checks.parsed("asOf", BoardPage.blankToNull(asOfText), false,
                org.claimledger.proposition.http.PropositionResource::instant);
        checks.throwIfAny();
        int lastYear = VerdictQueries.presentYear();
        // the slider's far end is now: the live verdict, whatever year it names
        if (year != null && year >= lastYear) {
            year = null;
        }
        String liveFrom = updates.head().id();
        Optional<PropositionQueries.PropositionView> found = propositions.proposition(id);
        if (found.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_HTML).entity(Templates.missing("proposition", id)).build();
        }
        PropositionQueries.PropositionView proposition = found.get();
        // read now, or at the instant asked for: the citation below names the instant either way (to the
        // millisecond: a whole second would fall before a verdict reached earlier in that same second)
        Instant readAt = asOf != null ? asOf : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        JsonNode verdict = verdictDocument(id, asOf, year);

        Map<String, ClaimView> claims = new LinkedHashMap<>();
        proposition.claims().forEach(c -> claims.put(c.id(), c));
        // the verdicts may already count a claim that the claim view has not taken in yet: its words come from the log
        Set<String> behind = new LinkedHashSet<>(PropositionSheet.claimIds(verdict));
        behind.removeAll(claims.keySet());
        verdictLog.claimsAsRecorded(behind).forEach((claimId, event) -> claims.put(claimId, fromLog(event)));
        // a live redraw asks for the verdict alone: the rest of the page is neither read nor drawn
        boolean whole = !"verdict".equals(part);
        Set<String> entityIds = new LinkedHashSet<>(PropositionSheet.entityIds(verdict));
        List<ClaimView> withdrawn = whole ? claimQueries.withdrawnAbout(id) : List.of();
        java.util.stream.Stream.concat(proposition.claims().stream(), withdrawn.stream()).forEach(c -> {
            if (c.value() != null && c.value().has("entity")) {
                entityIds.add(c.value().get("entity").asText());
            }
        });
        java.util.function.Function<String, String> name = Names.of(entities.entities(entityIds));
        PropositionSheet sheet = PropositionSheet.of(verdict, claims,
                sources.briefs(PropositionSheet.sourceIds(verdict)), name, year);

        List<Timeline.Change> changes = whole ? verdicts.history(id).stream()
                .map(c -> new Timeline.Change(c.at(), c.from(), c.to(), c.cause())).toList() : List.of();
        int firstYear = whole ? Math.min(lastYear - 1, verdicts.earliestPublication().orElse(lastYear) - 1) : lastYear;
        Sheet page = new Sheet(proposition, sheet, Timeline.of(changes, Instant.now()), changes,
                withdrawn.stream().map(c -> new WithdrawnClaim(PropositionSheet.ClaimCard.of(c, name), c.sourceId(),
                                c.withdrawalReason())).toList(),
                firstYear, lastYear,
                year == null ? lastYear : Math.max(firstYear, Math.min(lastYear, year)), liveFrom,
                whole ? sources.briefs(1000) : List.of(),
                whole && "entity".equals(proposition.valueType()) ? entities.search("", 1000) : List.of(),
                citeThis(proposition, sheet, readAt, asOf != null, year, uri));
        return Response.ok(whole ? claimReview.into(Templates.proposition(page), id, uri) : Templates.proposition$verdict(page))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private JsonNode verdictDocument(String id, Instant asOf, Integer year) {
        return verdicts.read(id, asOf, year).map(VerdictQueries.Reading::verdict).orElseGet(json::createObjectNode);
    }

    private static CiteThis citeThis(PropositionQueries.PropositionView proposition, PropositionSheet sheet,
                                     Instant readAt, boolean asRecorded, Integer year, jakarta.ws.rs.core.UriInfo uri) {
        String wording = proposition.label() == null ? proposition.id() : proposition.label();
        // the instant as written (a colon is at home in a query): a reader can see the date in the link
        String link = uri.getBaseUriBuilder().path("propositions").path(proposition.id()).build()
                + "?asOf=" + readAt;
        if (year != null) {
            link += "&publishedBefore=" + year;
        }
        String readOn = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(readAt);
        return new CiteThis(wording, sheet.status(), sheet.statusText(), readAt, readOn, link, asRecorded);
    }

    private ClaimView fromLog(ClaimEvent event) {
        ClaimContent content = event instanceof ClaimEvent.ClaimRevised revised ? revised.content()
                : ((ClaimEvent.ClaimRecorded) event).content(); // only these two are read
        return new ClaimView(event.claimId(), event.sourceId(), content.propositionId(), content.stance().wire(),
                json.valueToTree(content.value()), content.locator(), content.quote(), content.quoteLanguage(),
                content.translation(), content.via(), content.note(), content.when() == null ? null : content.when().toString(),
                false, null, null, 0, null, null, null);
    }
}
