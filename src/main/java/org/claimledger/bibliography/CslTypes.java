package org.claimledger.bibliography;

import org.claimledger.source.SourceKind;

import java.util.Map;
import java.util.Optional;

/**
 * Which kind of source a CSL item type is, as a historian would file it. A pure table: BibTeX entry
 * types come here too, after citeproc-java has turned them into CSL types. A type not in the table
 * is a problem of the entry, not a guess.
 */
public final class CslTypes {

    private CslTypes() {
    }

    private static final Map<String, SourceKind> KINDS = Map.ofEntries(
            // published research and its parts
            Map.entry("book", SourceKind.SCHOLARSHIP),
            Map.entry("chapter", SourceKind.SCHOLARSHIP),
            Map.entry("article", SourceKind.SCHOLARSHIP),
            Map.entry("article-journal", SourceKind.SCHOLARSHIP),
            Map.entry("thesis", SourceKind.SCHOLARSHIP),
            Map.entry("paper-conference", SourceKind.SCHOLARSHIP),
            Map.entry("review", SourceKind.SCHOLARSHIP),
            Map.entry("review-book", SourceKind.SCHOLARSHIP),
            Map.entry("periodical", SourceKind.SCHOLARSHIP),
            Map.entry("collection", SourceKind.SCHOLARSHIP),
            // what archives hold: unpublished papers and correspondence
            Map.entry("manuscript", SourceKind.ARCHIVAL_DOCUMENT),
            Map.entry("document", SourceKind.ARCHIVAL_DOCUMENT),
            Map.entry("letter", SourceKind.ARCHIVAL_DOCUMENT),
            Map.entry("personal_communication", SourceKind.ARCHIVAL_DOCUMENT),
            Map.entry("map", SourceKind.ARCHIVAL_DOCUMENT),
            Map.entry("graphic", SourceKind.ARCHIVAL_DOCUMENT),
            Map.entry("figure", SourceKind.ARCHIVAL_DOCUMENT),
            // a report is an institution's account of itself: official unless the entry says otherwise
            Map.entry("report", SourceKind.OFFICIAL_REPORT),
            Map.entry("interview", SourceKind.EYEWITNESS_TESTIMONY),
            Map.entry("article-newspaper", SourceKind.PRESS),
            Map.entry("article-magazine", SourceKind.PRESS),
            Map.entry("broadcast", SourceKind.PRESS),
            Map.entry("post", SourceKind.PRESS),
            Map.entry("post-weblog", SourceKind.PRESS),
            Map.entry("motion_picture", SourceKind.PRESS),
            Map.entry("legislation", SourceKind.STATE_STATEMENT),
            Map.entry("legal_case", SourceKind.STATE_STATEMENT),
            Map.entry("bill", SourceKind.STATE_STATEMENT),
            Map.entry("regulation", SourceKind.STATE_STATEMENT),
            Map.entry("treaty", SourceKind.STATE_STATEMENT),
            Map.entry("hearing", SourceKind.STATE_STATEMENT),
            Map.entry("entry", SourceKind.REFERENCE_WORK),
            Map.entry("entry-encyclopedia", SourceKind.REFERENCE_WORK),
            Map.entry("entry-dictionary", SourceKind.REFERENCE_WORK),
            Map.entry("dataset", SourceKind.OTHER),
            Map.entry("webpage", SourceKind.OTHER),
            Map.entry("speech", SourceKind.OTHER),
            Map.entry("song", SourceKind.OTHER),
            Map.entry("software", SourceKind.OTHER),
            Map.entry("standard", SourceKind.OTHER),
            Map.entry("patent", SourceKind.OTHER),
            Map.entry("classic", SourceKind.SCHOLARSHIP),
            Map.entry("pamphlet", SourceKind.OTHER),
            Map.entry("performance", SourceKind.OTHER),
            Map.entry("event", SourceKind.OTHER));

    /** Genres that make a report research rather than an institution's own account. */
    private static final java.util.Set<String> SCHOLARLY_GENRES = java.util.Set.of(
            "working paper", "research report", "discussion paper", "technical report", "preprint");

    /** The kind of a CSL item type ({@code genre} may say a report is scholarly); empty for a type not in the table. */
    public static Optional<SourceKind> kindOf(String cslType, String genre) {
        if (cslType == null) {
            return Optional.empty();
        }
        SourceKind kind = KINDS.get(cslType.strip());
        if (kind == SourceKind.OFFICIAL_REPORT && genre != null
                && SCHOLARLY_GENRES.contains(genre.strip().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(SourceKind.SCHOLARSHIP);
        }
        return Optional.ofNullable(kind);
    }

    /** The CSL type a source of this kind is cited as, when it has no bibliographic record of its own. */
    public static String typeOf(SourceKind kind) {
        return switch (kind) {
            case SCHOLARSHIP -> "book";
            case ARCHIVAL_DOCUMENT -> "manuscript";
            case OFFICIAL_REPORT -> "report";
            case EYEWITNESS_TESTIMONY -> "interview";
            case MEMOIR -> "book";
            case PRESS -> "article-newspaper";
            case STATE_STATEMENT -> "legislation";
            case REFERENCE_WORK -> "entry-encyclopedia";
            case OTHER -> "document";
        };
    }

    /** Every CSL type the table knows, for messages. */
    public static java.util.SortedSet<String> known() {
        return new java.util.TreeSet<>(KINDS.keySet());
    }
}
