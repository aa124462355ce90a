package org.claimledger.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON for jsonb columns of the read models, written the same way the events are. */
public final class Json {

    /** A value to be bound as a jsonb parameter. */
    public record Doc(String json) {
    }

    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static Doc doc(Object value) {
        try {
            return new Doc(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable to JSON: " + value, e);
        }
    }

    public static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
