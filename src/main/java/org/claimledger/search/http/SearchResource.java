package org.claimledger.search.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.search.SearchRequest;
import org.claimledger.search.SearchResults;
import org.claimledger.search.view.SearchModel;
import org.claimledger.search.view.SearchParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Where is it said? The evidence searched: quotes, translations, notes, sources' titles and authors. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchResource {

    /** What was found: one page of hits, their total, counts per facet, and the next page's address. */
    public record Found(String q, long total, List<Hit> hits,
                        @Schema(description = "For each facet (status, lang, kind, origin, subject), hits per value")
                        Map<String, Map<String, Long>> facets,
                        @Schema(description = "The next page, or null on the last", nullable = true) String next) {
    }

    /**
     * A claim that says what was searched for. {@code quote} and {@code translation} are HTML: the words
     * found in {@code <mark>}, everything else escaped.
     */
    public record Hit(String claim,
                      @Schema(description = "The quote as the source has it, as HTML with the words found marked", nullable = true) String quote,
                      @Schema(nullable = true) String quoteLanguage,
                      @Schema(description = "The translation, as HTML with the words found marked", nullable = true) String translation,
                      @Schema(description = "The claim was withdrawn: found, but it weighs nothing") boolean withdrawn,
                      SourceRef source, QuestionRef question,
                      @Schema(description = "2 for each word or phrase found as written, 1 found in another form") float score) {
    }

    public record SourceRef(String id, @Schema(nullable = true) String title, List<String> authors,
                            @Schema(description = "The source is retracted: found, but it weighs nothing") boolean retracted,
                            String href) {
    }

    public record QuestionRef(String id, @Schema(nullable = true) String subject,
                              @Schema(description = "The verdict's status now", nullable = true) String status,
                              String href) {
    }

    @Inject
    SearchModel search;

    @GET
    @Operation(operationId = "search", summary = "Search the evidence",
            description = "Words and \"quoted phrases\", all of which must be found, each in its own language: inflected "
                    + "forms find each other (miasto, mieście), case and diacritics do not count, and a name finds its "
                    + "entity's other names (Krakau finds Kraków). Nothing else is syntax. Withdrawn claims and retracted "
                    + "sources are found and marked. Ordered by how the words were found (as written first), then by the "
                    + "source's date, earliest first.")
    @APIResponse(responseCode = "200", description = "One page of hits",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Found.class)))
    @org.jboss.resteasy.reactive.Cache(maxAge = 5) // moves with every record
    public Found search(
            @Parameter(description = "Words and \"quoted phrases\", at most 500 characters") @QueryParam("q") String q,
            @Parameter(description = "The quote's language (BCP 47)") @QueryParam("lang") String lang,
            @Parameter(description = "The status of the claim's question") @QueryParam("status") String status,
            @Parameter(description = "The entity the question is about") @QueryParam("subject") String subject,
            @Parameter(description = "The source's id") @QueryParam("source") String source,
            @Parameter(description = "The source's kind") @QueryParam("kind") String kind,
            @Parameter(description = "The source's origin") @QueryParam("origin") String origin,
            @Parameter(description = "Sources published before this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out")
            @QueryParam("publishedBefore") String publishedBefore,
            @QueryParam("limit") @DefaultValue("20") int limit,
            @Parameter(description = "The cursor of a previous page's next") @QueryParam("after") String after) {
        SearchParams params = new SearchParams(q, lang, status, subject, source, kind, origin, publishedBefore, limit, after);
        SearchRequest request = params.request();
        SearchResults results = search.search(request);
        List<Hit> hits = results.hits().stream().map(SearchResource::hit).toList();
        String next = results.next() == null ? null : params.url("/api/search", results.next());
        return new Found(q, results.total(), hits, results.facets(), next);
    }

    private static Hit hit(SearchResults.Hit h) {
        return new Hit(h.claimId(), h.quote(), h.quoteLanguage(), h.translation(), h.withdrawn(),
                new SourceRef(h.sourceId(), h.sourceTitle(), h.authors(), h.retracted(), "/api/sources/" + h.sourceId()),
                new QuestionRef(h.propositionId(), h.subject(), h.status(), "/propositions/" + h.propositionId()),
                h.score());
    }
}
