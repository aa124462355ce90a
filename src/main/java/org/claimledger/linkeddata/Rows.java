package org.claimledger.linkeddata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the linked data is made from, one row of a read model each (read by {@link LedgerRows}). */
public final class Rows {

    private Rows() {
    }

    public record EntityRow(String id, String kind, Map<String, String> labels, List<String> aliases, String wikidata) {
    }

    public record PropositionRow(String id, String subject, String predicate, String label, Instant definedAt,
                                 String definedBy) {
    }

    /** A retraction in force: why, its own (partial) date, who recorded it and when. */
    public record Retraction(String reason, String date, String recordedBy, Instant recordedAt) {
    }

    public record SourceRow(String id, String title, List<String> authors, String kind, String published,
                            String language, String origin, List<String> derivedFrom, String citation,
                            Instant registeredAt, String registeredBy, Retraction retraction) {
    }

    /** A claim as it now reads; a withdrawn claim's last change ({@code updatedAt}) is its withdrawal. */
    public record ClaimRow(String id, String sourceId, String propositionId, String stance, String value,
                           String locator, String quote, String quoteLanguage, String via, boolean withdrawn,
                           String withdrawalReason, Instant recordedAt, String recordedBy, Instant updatedAt) {
    }

    /** A verdict as it stands: its status, its explanation, and when it last changed. */
    public record VerdictRow(String propositionId, String status, List<String> explanation, Instant changedAt) {
    }
}
