package org.claimledger.source;

import org.claimledger.common.PartialDate;

import java.util.List;

/**
 * What a source is: everything a historian records about it apart from its grade.
 * {@code origin} is the camp whose account it carries ({@code soviet-state}, {@code polish-home-army},
 * ... or {@code independent}); {@code derivedFrom} names the sources it repeats or relies on.
 */
public record SourceDetails(
        String title,
        List<String> authors,
        SourceKind kind,
        PartialDate published,
        String language,
        String origin,
        List<String> derivedFrom,
        String citation) {

    public static final String INDEPENDENT = "independent";

    public SourceDetails {
        authors = authors == null ? List.of() : List.copyOf(authors);
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
        origin = origin == null ? INDEPENDENT : origin;
    }
}
