package org.claimledger.claim.view;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.claimledger.readmodel.Projection;
import org.claimledger.readmodel.TablesCatchUp;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent.ClaimRecorded;
import org.claimledger.claim.ClaimEvent.ClaimRevised;
import org.claimledger.claim.ClaimEvent.ClaimWithdrawn;
import org.claimledger.store.Json;
import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.time.Instant;

/** Keeps every claim as it now reads, withdrawn ones marked, for the source and proposition views. */
@Singleton
@ProcessingGroup(ClaimProjection.NAME)
public class ClaimProjection implements Projection, TablesCatchUp {

    public static final String NAME = "claims";

    private final Sql sql;
    private final BatchedWrites writes;

    @Inject
    public ClaimProjection(DataSource dataSource) {
        this.sql = new Sql(dataSource);
        this.writes = new BatchedWrites(dataSource);
    }

    @EventHandler
    void on(ClaimRecorded event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue("recordedBy") String by) {
        ClaimContent c = event.content();
        // a claim is recorded once, as its stream's first event: its row is new (COPY in a catch-up in bulk)
        writes.load("claim_view", """
                id, source_id, proposition_id, stance, value, locator, quote, quote_language, translation, via, note,
                event_when, version, recorded_at, recorded_by, updated_at""", """
                INSERT INTO claim_view (id, source_id, proposition_id, stance, value, locator, quote, quote_language,
                                        translation, via, note, event_when, version, recorded_at, recorded_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                event.claimId(), event.sourceId(), c.propositionId(), c.stance().wire(), Json.doc(c.value()),
                c.locator(), c.quote(), c.quoteLanguage(), c.translation(), c.via(), c.note(),
                c.when() == null ? null : c.when().toString(), seq, at, by, at);
    }

    @EventHandler
    void on(ClaimRevised event, @SequenceNumber long seq, @Timestamp Instant at) {
        ClaimContent c = event.content();
        writes.add("claim_view", """
                UPDATE claim_view SET stance = ?, value = ?, locator = ?, quote = ?, quote_language = ?,
                       translation = ?, via = ?, note = ?, event_when = ?, revision_reason = ?, version = ?, updated_at = ?
                 WHERE id = ? AND version < ?""",
                c.stance().wire(), Json.doc(c.value()), c.locator(), c.quote(), c.quoteLanguage(), c.translation(),
                c.via(), c.note(), c.when() == null ? null : c.when().toString(), event.reason(), seq, at,
                event.claimId(), seq);
    }

    @EventHandler
    void on(ClaimWithdrawn event, @SequenceNumber long seq, @Timestamp Instant at) {
        writes.add("claim_view", """
                UPDATE claim_view SET withdrawn = TRUE, withdrawal_reason = ?, version = ?, updated_at = ?
                 WHERE id = ? AND version < ?""",
                event.reason(), seq, at, event.claimId(), seq);
    }

    @Override
    public Tables tables() {
        return new Tables(writes, sql, java.util.List.of("claim_view"));
    }

    @ResetHandler
    void reset() {
        sql.update("TRUNCATE claim_view");
    }
}
