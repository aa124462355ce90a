package org.claimledger.search.view;

import org.claimledger.common.Checks;
import org.claimledger.common.PartialDate;
import org.claimledger.search.QueryText;
import org.claimledger.search.SearchIndex;
import org.claimledger.search.SearchRequest;
import org.claimledger.source.SourceKind;
import org.claimledger.verdict.Status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A search as asked over HTTP, by the API or the search page: its parameters as given, checked into a
 * {@link SearchRequest} (every problem named by its parameter), and the address of a page of it.
 */
public record SearchParams(String q, String lang, String status, String subject, String source, String kind,
                           String origin, String publishedBefore, int limit, String after) {

    /** The checked request. @throws org.claimledger.common.Rejection naming each parameter that is wrong */
    public SearchRequest request() {
        Checks checks = new Checks();
        QueryText text = checks.parsed("q", q == null ? "" : q, true, QueryText::parse);
        checks.language("lang", blank(lang), false);
        Status wanted = checks.oneOf("status", Status.class, blank(status), false);
        SourceKind sourceKind = checks.oneOf("kind", SourceKind.class, blank(kind), false);
        PartialDate before = checks.parsed("publishedBefore", blank(publishedBefore), false, PartialDate::parse);
        checks.between("limit", limit, 1, SearchRequest.MAX_LIMIT);
        checks.parsed("after", blank(after), false, c -> {
            SearchIndex.checkCursor(c);
            return c;
        });
        checks.throwIfAny();
        return new SearchRequest(text, blank(lang), wanted == null ? null : wanted.wire(), blank(subject), blank(source),
                sourceKind == null ? null : sourceKind.wire(), blank(origin), before, limit, blank(after));
    }

    /** The same search with one parameter set to {@code value} (or dropped, when null), from its first page. */
    public SearchParams with(String name, String value) {
        Map<String, String> p = params();
        p.put(name, value);
        p.remove("after");
        return new SearchParams(p.get("q"), p.get("lang"), p.get("status"), p.get("subject"), p.get("source"),
                p.get("kind"), p.get("origin"), p.get("publishedBefore"), limit, null);
    }

    /** The address of this search under {@code path}, starting after {@code cursor} (null: the first page). */
    public String url(String path, String cursor) {
        Map<String, String> p = params();
        p.put("limit", limit == 20 ? null : Integer.toString(limit));
        p.put("after", cursor);
        StringBuilder url = new StringBuilder(path);
        char sep = '?';
        for (var e : p.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return url.toString();
    }

    private Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", q);
        p.put("lang", lang);
        p.put("status", status);
        p.put("subject", subject);
        p.put("source", source);
        p.put("kind", kind);
        p.put("origin", origin);
        p.put("publishedBefore", publishedBefore);
        p.put("after", after);
        return p;
    }

    // a form's empty field is no filter
    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
