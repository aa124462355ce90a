package org.claimledger.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Axon's JDBC event store with the payload and metadata kept as PostgreSQL {@code jsonb}, so the
 * event log can be read (and indexed) as JSON by people and by SQL. The ledger takes no snapshots:
 * its streams stay short by design, so the snapshot lookup Axon makes before every load is skipped.
 */
final class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    LedgerEventStorageEngine(Builder builder) {
        super(builder.dataType(String.class)
                .appendEvents(LedgerEventStorageEngine::appendAsJson));
    }

    @Override
    protected <T> T readPayload(ResultSet resultSet, String columnName) throws SQLException {
        @SuppressWarnings("unchecked")
        T text = (T) resultSet.getString(columnName);
        return text;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    private static PreparedStatement appendAsJson(Connection connection, EventSchema schema, Class<?> dataType,
                                                  List<? extends EventMessage<?>> events, Serializer serializer,
                                                  TimestampWriter timestampWriter) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,CAST(? AS jsonb),CAST(? AS jsonb))";
        PreparedStatement statement = connection.prepareStatement(sql);
        for (EventMessage<?> message : events) {
            var event = (org.axonframework.eventhandling.DomainEventMessage<?>) message;
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setString(8, payload.getData());
            statement.setString(9, metaData.getData());
            statement.addBatch();
        }
        return statement;
    }
}
