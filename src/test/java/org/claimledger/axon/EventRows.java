package org.claimledger.axon;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.UUID;

/**
 * Rows of the event table exactly as the ledger writes them (pinned names, revisions, JSON from
 * the ledger's own serializer), for benchmarks that load a large log without going through
 * commands. The service reads them back like any other event, so a row that drifts from the real
 * shape fails loudly when a read model handles it.
 */
public final class EventRows {

    /** One row of {@code domain_event_entry}, without its global index (the table numbers it). */
    public record Row(String eventId, String aggregateId, long seq, String aggregateType, String timestamp,
                      String payloadType, String revision, String payload, String metaData) {
    }

    private static final Serializer SERIALIZER = AxonLedger.serializer();

    private EventRows() {
    }

    public static Row of(String aggregateType, String aggregateId, long seq, Object event, Instant at,
                         String recordedBy) {
        SerializedObject<String> payload = SERIALIZER.serialize(event, String.class);
        SerializedObject<String> meta = SERIALIZER.serialize(MetaData.with("recordedBy", recordedBy), String.class);
        return new Row(UUID.randomUUID().toString(), aggregateId, seq, aggregateType, at.toString(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), meta.getData());
    }

    /** The event table's columns in the order {@link Row} lists them. */
    public static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
            + "payload_type, payload_revision, payload, meta_data";
}
