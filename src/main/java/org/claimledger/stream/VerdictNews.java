package org.claimledger.stream;

import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Json;

/**
 * How the verdict model hands the update feed a verdict change (ADR 11): queued with the verdict
 * model's own writes, so it is announced exactly when the change is committed, and taken by the
 * feed's reader ({@link UpdateProjection}) once the update of the event that caused it is in the feed.
 */
public final class VerdictNews {

    private VerdictNews() {
    }

    /** Queues the change with the batch's writes; call {@link UpdateSignal#newsCommitted()} after the commit. */
    public static void announce(BatchedWrites writes, UpdateData.VerdictChanged change) {
        writes.add("verdict_news", """
                        INSERT INTO verdict_news (position, proposition_id, subject, recorded_at, data)
                        VALUES (?, ?, ?, ?, ?)""",
                change.position(), change.proposition(), change.subject(), change.recordedAt(),
                new Json.Doc(change.json()));
    }
}
