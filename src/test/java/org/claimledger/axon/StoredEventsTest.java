package org.claimledger.axon;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.claim.Stance;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.common.ValueType;
import org.claimledger.entity.EntityDetails;
import org.claimledger.entity.EntityEvent;
import org.claimledger.entity.EntityKind;
import org.claimledger.proposition.Cardinality;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceDetails;
import org.claimledger.source.SourceEvent;
import org.claimledger.source.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events outlive code. Each is stored under a pinned name and revision, as JSON that old readers
 * can still read: the samples' JSON is fixed in src/test/resources/events, so a change to an event's
 * shape fails here and must come with a new revision (and an upcaster), not slip into the log.
 */
class StoredEventsTest {

    static final SourceDetails KONEV = new SourceDetails("Konev's war diary, 1969", List.of("Ivan Konev"),
            SourceKind.MEMOIR, PartialDate.parse("1969"), "ru", "soviet-state", List.of(), "Konev 1969, 31-32");
    static final ClaimContent INTACT = new ClaimContent("krakow-1945/city-taken-intact", Stance.ASSERTS,
            new Value.Flag(true), "pp. 31-32", "we waren dan ook enorm blij dat we Kraków intact hadden bevrijd",
            "nl", "we were enormously glad that we had liberated Kraków intact", "slag-om-krakow-1945-nl", null,
            PartialDate.parse("1945-01-19"));
    static final ClaimContent DEAD = new ClaimContent("soviet-invasion-1939/polish-dead", Stance.ASSERTS,
            new Value.Quantity(new BigDecimal("3000"), new BigDecimal("7000"), "persons"), null, null, null, null,
            null, "dead or missing", null);

    static List<Object> samples() {
        return List.of(
                new SourceEvent.SourceRegistered("konev-1969-memoir", KONEV),
                new SourceEvent.SourceRevised("konev-1969-memoir", KONEV, "origin confirmed"),
                new SourceEvent.SourceAssessed("konev-1969-memoir", Grade.D, "published under Soviet censorship"),
                new SourceEvent.SourceRetracted("hitler-diaries-1983", "shown to be forged by the Federal Archives",
                        PartialDate.parse("1983-05-06"), "reviewer-1"),
                new SourceEvent.SourceReinstated("hitler-diaries-1983", "entered against the wrong source", "reviewer-1"),
                new ClaimEvent.ClaimRecorded("konev-1969-memoir/krakow-taken-intact", "konev-1969-memoir", INTACT),
                new ClaimEvent.ClaimRevised("x/polish-dead", "x", DEAD, "range corrected"),
                new ClaimEvent.ClaimWithdrawn("konev-1969-memoir/krakow-taken-intact", "konev-1969-memoir",
                        "krakow-1945/city-taken-intact", "misattributed"),
                new PropositionEvent.PropositionDefined("krakow-1945/demolition-prevented-by",
                        new PropositionDetails("krakow", "demolition prevented by", ValueType.ENTITY,
                                Cardinality.SINGLE, "Who kept Kraków from being blown up?")),
                new EntityEvent.EntityDefined("krakow", new EntityDetails(EntityKind.PLACE,
                        Map.of("pl", "Kraków", "en", "Cracow", "de", "Krakau"), List.of("Krakow"), "Q31487")));
    }

    final Serializer serializer = AxonLedger.serializer();

    @Test
    void every_stored_event_has_a_sample_here() {
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventTypes.all().values());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void events_are_stored_under_their_pinned_name_and_read_back_equal(Object event) {
        SerializedObject<String> stored = serializer.serialize(event, String.class);
        String pinned = event.getClass().getAnnotation(org.claimledger.common.PinnedName.class).value();
        assertThat(stored.getType().getName()).isEqualTo(pinned);
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), String.class,
                new SimpleSerializedType(pinned, "1")));
        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void the_stored_json_of_each_event_is_fixed(Object event) throws IOException {
        String pinned = event.getClass().getAnnotation(org.claimledger.common.PinnedName.class).value();
        String json = AxonLedger.eventMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(AxonLedger.eventMapper().readTree(serializer.serialize(event, String.class).getData()));
        try (InputStream golden = getClass().getResourceAsStream("/events/" + pinned + ".json")) {
            if (golden == null) {
                Path file = Path.of("src/test/resources/events", pinned + ".json");
                Files.writeString(file, json + "\n");
                throw new AssertionError("no fixed JSON for " + pinned + " yet: wrote " + file + "; review and commit it");
            }
            assertThat(json.strip()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void an_event_written_by_an_older_version_with_a_field_since_dropped_still_reads() {
        String old = "{\"sourceId\":\"s\",\"grade\":\"B\",\"rationale\":\"r\",\"reviewerNote\":\"gone\"}";
        Object read = serializer.deserialize(new SimpleSerializedObject<>(old, String.class,
                new SimpleSerializedType("SourceAssessed", "1")));
        assertThat(read).isEqualTo(new SourceEvent.SourceAssessed("s", Grade.B, "r"));
    }
}
