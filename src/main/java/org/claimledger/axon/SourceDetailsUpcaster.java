package org.claimledger.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;

/**
 * {@code SourceRegistered} and {@code SourceRevised} revision 1 → 2: the source's details gained
 * {@code bibliography} (its CSL-JSON item), which a source recorded before had not; it reads as null.
 * A ledger written by earlier code starts with no manual step and gives the same verdicts: nothing
 * else of the event changes.
 *
 * <p>Applied by Axon's event store (the aggregates, the read models' processors) and, through
 * {@link UpcastingSerializer}, by every reader of the log that deserializes payloads itself.
 */
public final class SourceDetailsUpcaster extends SingleEventUpcaster {

    static final Set<String> TYPES = Set.of("SourceRegistered", "SourceRevised");
    static final String FROM = "1";
    static final String TO = "2";

    /** The chain the event store applies to every event it reads. */
    static EventUpcasterChain chain() {
        return new EventUpcasterChain(new SourceDetailsUpcaster());
    }

    static boolean applies(SerializedType type) {
        return type != null && TYPES.contains(type.getName()) && FROM.equals(type.getRevision());
    }

    static SerializedType upcastType(SerializedType type) {
        return new SimpleSerializedType(type.getName(), TO);
    }

    /** The revision-2 payload of a revision-1 one: the same, with {@code details.bibliography} null. */
    static JsonNode upgrade(JsonNode payload) {
        JsonNode copy = payload.deepCopy();
        if (copy.get("details") instanceof ObjectNode details && !details.has("bibliography")) {
            details.putNull("bibliography");
        }
        return copy;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return applies(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(upcastType(representation.getType()), JsonNode.class,
                SourceDetailsUpcaster::upgrade);
    }
}
