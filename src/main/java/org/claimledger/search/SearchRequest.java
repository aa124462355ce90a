package org.claimledger.search;

import org.claimledger.common.PartialDate;

/**
 * A search as asked: the text, the filters (each null when not given) and where the page starts
 * ({@code after}, the previous page's {@code next}, or null for the first page).
 */
public record SearchRequest(QueryText text, String lang, String status, String subject, String source, String kind,
                            String origin, PartialDate publishedBefore, int limit, String after) {

    public static final int MAX_LIMIT = 100;

    public SearchRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(QueryText.parse(q), null, null, null, null, null, null, null, 20, null);
    }

    public SearchRequest after(String cursor) {
        return new SearchRequest(text, lang, status, subject, source, kind, origin, publishedBefore, limit, cursor);
    }

    public SearchRequest limit(int n) {
        return new SearchRequest(text, lang, status, subject, source, kind, origin, publishedBefore, n, after);
    }
}
