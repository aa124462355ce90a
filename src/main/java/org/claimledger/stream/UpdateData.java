package org.claimledger.stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * What an update says, one record per kind of update (the {@code data} of an SSE event and of a
 * Kafka CloudEvent). Its JSON is written here and nowhere else ({@link #json()}): field names and
 * order are the contract's (api.md, "Streams").
 */
public sealed interface UpdateData {

    UpdateType type();

    long position();

    /** The proposition the update is about, if any (the Kafka key, the stream's filter). */
    @JsonIgnore
    default String aboutProposition() {
        return null;
    }

    /** The subject entity of that proposition, if any. */
    @JsonIgnore
    default String aboutSubject() {
        return null;
    }

    /** The source the update is about, if any. */
    @JsonIgnore
    default String aboutSource() {
        return null;
    }

    Instant recordedAt();

    /** The update's JSON, as subscribers receive it. */
    default String json() {
        try {
            return WRITER.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an update that cannot be written: " + this, e);
        }
    }

    /** Instants as ISO-8601 text, absent fields left out. */
    ObjectMapper WRITER = JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /**
     * A claim recorded, revised or withdrawn. {@code claim} holds its id, its source and (unless it
     * was withdrawn) what it now says.
     */
    @JsonPropertyOrder({"type", "position", "proposition", "subject", "claim", "reason", "recordedAt"})
    record ClaimChanged(UpdateType type, long position, String proposition,
                        @JsonInclude(JsonInclude.Include.ALWAYS) String subject, ObjectNode claim,
                        String reason, Instant recordedAt) implements UpdateData {
        @Override
        public String aboutProposition() {
            return proposition;
        }

        @Override
        public String aboutSubject() {
            return subject;
        }

        @Override
        public String aboutSource() {
            return claim.path("sourceId").asText(null);
        }
    }

    /** A source graded, retracted or reinstated: its particulars by kind, the rest left out. */
    @JsonPropertyOrder({"type", "position", "source", "grade", "rationale", "reason", "date", "recordedBy", "recordedAt"})
    record SourceChanged(UpdateType type, long position, String source, String grade, String rationale, String reason,
                         String date, String recordedBy, Instant recordedAt) implements UpdateData {
        @Override
        public String aboutSource() {
            return source;
        }
    }

    /** A verdict's status moved: from, to, the position now leading, and what caused it. */
    @JsonPropertyOrder({"type", "position", "proposition", "subject", "from", "to", "leading", "cause", "causeSource",
            "recordedAt"})
    record VerdictChanged(UpdateType type, long position, String proposition,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String subject, String from, String to,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String leading, String cause, String causeSource,
                          Instant recordedAt) implements UpdateData {
        public VerdictChanged {
            if (type != UpdateType.VERDICT_CHANGED) {
                throw new IllegalArgumentException("a verdict change is " + UpdateType.VERDICT_CHANGED.wire());
            }
        }

        @Override
        public String aboutProposition() {
            return proposition;
        }

        @Override
        public String aboutSubject() {
            return subject;
        }
    }
}
