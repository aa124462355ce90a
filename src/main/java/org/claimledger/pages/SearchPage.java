package org.claimledger.pages;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.common.Rejection;
import org.claimledger.search.SearchResults;
import org.claimledger.search.view.SearchModel;
import org.claimledger.search.view.SearchParams;
import org.claimledger.verdict.view.VerdictQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Where is it said? The search page: hits in the sources' own words, each with its question's verdict. */
@Path("/search")
@Tag(name = "Pages")
public class SearchPage {

    /** A hit as the page shows it: the claim's words (HTML, found words marked), its source and its question. */
    public record Row(SearchResults.Hit hit, String question, String statusText) {
    }

    /** A value of a facet: how many hits have it, and the address of the search narrowed to it (or widened again). */
    public record FacetValue(String value, String text, long count, String url, boolean chosen) {
    }

    public record Facet(String name, String label, List<FacetValue> values) {
    }

    /** The page's data; {@code problem} says what is wrong with what was typed, if anything. */
    public record Results(SearchParams params, boolean asked, String problem, long total, List<Row> rows,
                          List<Facet> facets, String nextUrl) {
        public String q() {
            return params.q() == null ? "" : params.q();
        }
    }

    private static final Map<String, String> FACET_LABELS = Map.of("status", "Verdict", "lang", "Language of the quote",
            "kind", "Kind of source", "origin", "Origin", "subject", "Subject");

    @Inject
    SearchModel search;

    @Inject
    VerdictQueries verdicts;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The search page (HTML): where the evidence says it")
    public Response page(@QueryParam("q") String q, @QueryParam("lang") String lang, @QueryParam("status") String status,
                         @QueryParam("subject") String subject, @QueryParam("source") String source,
                         @QueryParam("kind") String kind, @QueryParam("origin") String origin,
                         @QueryParam("publishedBefore") String publishedBefore,
                         @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("after") String after) {
        SearchParams params = new SearchParams(q, lang, status, subject, source, kind, origin, publishedBefore, limit, after);
        if (q == null) {
            return html(200, new Results(params, false, null, 0, List.of(), List.of(), null));
        }
        SearchResults results;
        try {
            results = search.search(params.request());
        } catch (Rejection r) {
            String problem = r.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
            return html(400, new Results(params, true, problem, 0, List.of(), List.of(), null));
        }
        Set<String> ids = new LinkedHashSet<>();
        results.hits().forEach(h -> ids.add(h.propositionId()));
        Map<String, VerdictQueries.Named> questions = verdicts.named(ids);
        List<Row> rows = results.hits().stream().map(h -> {
            VerdictQueries.Named named = questions.get(h.propositionId());
            String label = named == null || named.label() == null ? h.propositionId() : named.label();
            return new Row(h, label, Wording.status(h.status()));
        }).toList();
        List<Facet> facets = new ArrayList<>();
        results.facets().forEach((name, counts) -> {
            String chosen = chosen(params, name);
            List<FacetValue> values = counts.entrySet().stream().map(e -> new FacetValue(e.getKey(),
                    name.equals("status") ? Wording.status(e.getKey()) : Wording.words(e.getKey()), e.getValue(),
                    params.with(name, e.getKey().equals(chosen) ? null : e.getKey()).url("/search", null),
                    e.getKey().equals(chosen))).toList();
            if (!values.isEmpty()) {
                facets.add(new Facet(name, FACET_LABELS.getOrDefault(name, name), values));
            }
        });
        String next = results.next() == null ? null : params.url("/search", results.next());
        return html(200, new Results(params, true, null, results.total(), rows, facets, next));
    }

    private static String chosen(SearchParams p, String facet) {
        return switch (facet) {
            case "status" -> p.status();
            case "lang" -> p.lang();
            case "kind" -> p.kind();
            case "origin" -> p.origin();
            case "subject" -> p.subject();
            default -> null;
        };
    }

    private static Response html(int status, Results results) {
        return Response.status(status).entity(Templates.search(results))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
