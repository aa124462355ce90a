package org.claimledger.search;

import org.claimledger.common.PartialDate;

import java.util.List;

/** What the search index is told: the searchable text of claims, sources, questions and names. */
public final class Texts {

    private Texts() {
    }

    /** A source as search shows and filters it. {@code language} is its BCP 47 tag. */
    public record SourceText(String id, String title, List<String> authors, String language, String kind,
                             String origin, PartialDate published, boolean retracted) {
        public SourceText {
            authors = authors == null ? List.of() : List.copyOf(authors);
        }

        public SourceText retracted(boolean now) {
            return new SourceText(id, title, authors, language, kind, origin, published, now);
        }
    }

    /**
     * A claim's words: the quote in its own language, the (English) translation and the note.
     * A withdrawn claim stays findable, marked.
     */
    public record ClaimText(String id, String sourceId, String propositionId, String quote, String quoteLanguage,
                            String translation, String note, boolean withdrawn) {
        public ClaimText withdrawn(boolean now) {
            return new ClaimText(id, sourceId, propositionId, quote, quoteLanguage, translation, note, now);
        }
    }

    /** Every name of an entity, labels and aliases: any of them finds text naming it by another. */
    public record EntityNames(String id, List<String> names) {
        public EntityNames {
            names = names == null ? List.of() : List.copyOf(names);
        }
    }
}
