package org.claimledger.claim.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.claimledger.store.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A claim as it now reads, with when and by whom it was recorded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(
        String id,
        String sourceId,
        String propositionId,
        String stance,
        JsonNode value,
        String locator,
        String quote,
        String quoteLanguage,
        String translation,
        String via,
        String note,
        String when,
        boolean withdrawn,
        String withdrawalReason,
        String revisionReason,
        long version,
        Instant recordedAt,
        String recordedBy,
        Instant updatedAt) {

    static final String COLUMNS = """
            id, source_id, proposition_id, stance, value, locator, quote, quote_language, translation, via, note,
            event_when, withdrawn, withdrawal_reason, revision_reason, version, recorded_at, recorded_by, updated_at""";

    static ClaimView from(ResultSet rs) throws SQLException {
        return new ClaimView(rs.getString("id"), rs.getString("source_id"), rs.getString("proposition_id"),
                rs.getString("stance"), org.claimledger.store.Json.tree(rs.getString("value")), rs.getString("locator"),
                rs.getString("quote"), rs.getString("quote_language"), rs.getString("translation"), rs.getString("via"),
                rs.getString("note"), rs.getString("event_when"), rs.getBoolean("withdrawn"),
                rs.getString("withdrawal_reason"), rs.getString("revision_reason"), rs.getLong("version"),
                Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"), Sql.instant(rs, "updated_at"));
    }
}
