package org.claimledger.search;

import java.util.List;
import java.util.Map;

/**
 * One page of what a search found. {@code total} counts every hit with the filters applied, the facets
 * count them by value; {@code next} asks for the following page, null on the last.
 */
public record SearchResults(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, String next) {

    /**
     * A claim that says what was searched for. {@code quote} and {@code translation} are HTML, with the
     * words found marked; withdrawn claims and retracted sources are found, and say so.
     */
    public record Hit(String claimId, String sourceId, String sourceTitle, List<String> authors, String propositionId,
                      String subject, String status, String quote, String quoteLanguage, String translation,
                      boolean withdrawn, boolean retracted, float score) {
    }
}
