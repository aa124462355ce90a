package org.claimledger.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the event log itself, for answers that must come from the truth rather than a view:
 * everything that bears on one proposition's verdict, as recorded up to an instant.
 */
@ApplicationScoped
public class EventLog {

    private final Serializer serializer = AxonLedger.serializer();

    @Inject
    DataSource dataSource;

    /**
     * In log order, up to and including {@code asOf} (record time): the proposition's definition,
     * every claim event about it, and every source event (lines and grades span sources).
     */
    public List<Object> verdictHistory(String propositionId, Instant asOf) {
        return new Sql(dataSource).list("""
                        SELECT payload_type, payload_revision, payload::text FROM (
                            SELECT global_index, payload_type, payload_revision, payload, time_stamp FROM domain_event_entry
                             WHERE aggregate_identifier = ?
                            UNION ALL
                            SELECT global_index, payload_type, payload_revision, payload, time_stamp FROM domain_event_entry
                             WHERE payload_type IN ('ClaimRecorded', 'ClaimRevised', 'ClaimWithdrawn')
                               AND COALESCE(payload ->> 'propositionId', payload -> 'content' ->> 'propositionId') = ?
                            UNION ALL
                            SELECT global_index, payload_type, payload_revision, payload, time_stamp FROM domain_event_entry
                             WHERE payload_type IN ('SourceRegistered', 'SourceRevised', 'SourceAssessed')
                        ) e
                         WHERE CAST(time_stamp AS timestamptz) <= ?
                         ORDER BY global_index""",
                this::event, org.claimledger.proposition.Proposition.streamId(propositionId), propositionId, asOf);
    }

    /**
     * The claims' words as last recorded or revised, read from their own streams: for a page that
     * must show a claim the verdicts already count before the claim view has caught up with it.
     */
    public Map<String, org.claimledger.claim.ClaimEvent> latestClaimEvents(Collection<String> claimIds) {
        List<String> streams = claimIds.stream().map(org.claimledger.claim.Claim::streamId).toList();
        return new Sql(dataSource).byKey("""
                        SELECT payload_type, payload_revision, payload::text FROM domain_event_entry
                         WHERE aggregate_identifier = ANY(?) AND payload_type IN ('ClaimRecorded', 'ClaimRevised')
                         ORDER BY global_index""",
                rs -> (org.claimledger.claim.ClaimEvent) event(rs), org.claimledger.claim.ClaimEvent::claimId, streams);
    }

    /** The event a row of the log holds (columns: payload type, revision, payload as text). */
    private Object event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return serializer.deserialize(new SimpleSerializedObject<>(rs.getString(3), String.class,
                new SimpleSerializedType(rs.getString(1), rs.getString(2))));
    }
}
