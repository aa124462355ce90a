package org.claimledger.source;

import org.claimledger.common.PartialDate;

import java.util.List;
import java.util.Map;

/**
 * What a source is: everything a historian records about it apart from its grade.
 * {@code origin} is the camp whose account it carries ({@code soviet-state}, {@code polish-home-army},
 * ... or {@code independent}); {@code derivedFrom} names the sources it repeats or relies on.
 * {@code bibliography} is the source's CSL-JSON item as recorded (from Zotero, a BibTeX file or the
 * API), or null for a source typed in field by field; citations are rendered from it.
 */
public record SourceDetails(
        String title,
        List<String> authors,
        SourceKind kind,
        PartialDate published,
        String language,
        String origin,
        List<String> derivedFrom,
        String citation,
        Map<String, Object> bibliography) {

    public static final String INDEPENDENT = "independent";

    public SourceDetails {
        authors = authors == null ? List.of() : List.copyOf(authors);
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
        origin = origin == null ? INDEPENDENT : origin;
        // kept in the order it was recorded in (a CSL-JSON item), so the log shows it as it came
        bibliography = bibliography == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bibliography));
    }

    /** A source typed in by hand: no bibliographic record beside it. */
    public SourceDetails(String title, List<String> authors, SourceKind kind, PartialDate published, String language,
                         String origin, List<String> derivedFrom, String citation) {
        this(title, authors, kind, published, language, origin, derivedFrom, citation, null);
    }

    /** The same description with another bibliographic record. */
    public SourceDetails withBibliography(Map<String, Object> item) {
        return new SourceDetails(title, authors, kind, published, language, origin, derivedFrom, citation, item);
    }
}
