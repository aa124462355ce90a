package org.claimledger.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

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
                rs -> serializer.deserialize(new SimpleSerializedObject<>(rs.getString(3), String.class,
                        new SimpleSerializedType(rs.getString(1), rs.getString(2)))),
                org.claimledger.proposition.Proposition.streamId(propositionId), propositionId, asOf);
    }
}
