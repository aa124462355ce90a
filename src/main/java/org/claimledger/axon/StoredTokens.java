package org.claimledger.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each processor's segments stand as stored in the shared token table: what every replica
 * has committed, whichever replica holds the segment. Read without claiming anything.
 */
@ApplicationScoped
public class StoredTokens implements org.claimledger.readmodel.CommittedPositions {

    private final Serializer serializer = AxonLedger.serializer();

    @Inject
    DataSource dataSource;

    /** Each segment's stored token (null: the segment has handled nothing yet), by segment. */
    public Map<Integer, TrackingToken> tokens(String processor) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        new Sql(dataSource).list("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?",
                rs -> tokens.put(rs.getInt(1), token(rs.getBytes(2), rs.getString(3))), processor);
        return tokens;
    }

    /** The other replicas holding a live claim on a segment of the processor. */
    public List<String> holders(String processor, String self, Duration claimTimeout) {
        // Axon writes the claim's time as ISO-8601 text in UTC
        Instant alive = Instant.now().minus(claimTimeout);
        return new Sql(dataSource).list("""
                        SELECT DISTINCT owner, timestamp FROM token_entry
                         WHERE processor_name = ? AND owner IS NOT NULL AND owner <> ?""",
                        rs -> Instant.parse(rs.getString(2)).isAfter(alive) ? rs.getString(1) : null, processor, self)
                .stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    /** One segment's stored token, or null. */
    public TrackingToken token(String processor, int segment) {
        return tokens(processor).get(segment);
    }

    /**
     * One segment's token as last committed, read outside the running transaction. Axon stores a
     * batch's token in the batch's own transaction before its events are handled, so inside it the
     * table already says where the batch will end, not where the last one did.
     */
    @Override
    public TrackingToken committedToken(String processor, int segment) {
        return io.quarkus.narayana.jta.QuarkusTransaction.suspendingExisting().call(() -> token(processor, segment));
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
