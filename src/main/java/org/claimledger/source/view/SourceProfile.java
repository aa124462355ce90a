package org.claimledger.source.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.claimledger.claim.view.ClaimView;

import java.time.Instant;
import java.util.List;

/** Everything the ledger knows of one source: what it is, how reliable it is judged, what it says. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceProfile(
        String id,
        String title,
        List<String> authors,
        String kind,
        String published,
        String language,
        String origin,
        List<String> derivedFrom,
        Citation citation,
        String grade,
        String gradeMeaning,
        long version,
        Instant registeredAt,
        String registeredBy,
        Instant updatedAt,
        List<Assessment> assessments,
        List<Change> history,
        List<ClaimView> claims,
        Retraction retraction,
        java.util.Map<String, Object> csl) {

    /**
     * How to cite the source: the free text recorded with it (or null), and its citation rendered in
     * Chicago author-date from its CSL data, as plain text and as HTML.
     */
    public record Citation(String text, String formatted, String html, String style) {
    }

    /** The retraction in force: why, when it was published, who recorded it and when. */
    public record Retraction(String reason, String date, String recordedBy, String recordedAt) {
    }

    /** One reviewer's judgement of the source's reliability. */
    public record Assessment(String grade, String rationale, Instant assessedAt, String assessedBy) {
    }

    /** One recorded change to the source: registered, revised, assessed, retracted, reinstated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(long version, String change, String grade, String rationale, String reason, String date,
                         Instant recordedAt, String recordedBy) {
    }
}
