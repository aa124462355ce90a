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
    /** Konev's memoir as a bibliography records it: a CSL-JSON item, kept as a JSON object in the log. */
    static final Map<String, Object> KONEV_CSL = cslItem();
    static final SourceDetails KONEV_CITED = KONEV.withBibliography(KONEV_CSL);

    private static Map<String, Object> cslItem() {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("id", "konev-1969-memoir");
        item.put("type", "book");
        item.put("title", "Sorok pjatyj");
        Map<String, Object> konev = new java.util.LinkedHashMap<>();
        konev.put("family", "Konev");
        konev.put("given", "Ivan");
        item.put("author", List.of(konev));
        item.put("issued", Map.of("date-parts", List.of(List.of(1969))));
        item.put("language", "ru");
        return item;
    }

    static final ClaimContent INTACT = new ClaimContent("krakow-1945/city-taken-intact", Stance.ASSERTS,
            new Value.Flag(true), "pp. 31-32", "we waren dan ook enorm blij dat we Kraków intact hadden bevrijd",
            "nl", "we were enormously glad that we had liberated Kraków intact", "slag-om-krakow-1945-nl", null,
            PartialDate.parse("1945-01-19"));
    static final ClaimContent DEAD = new ClaimContent("soviet-invasion-1939/polish-dead", Stance.ASSERTS,
            new Value.Quantity(new BigDecimal("3000"), new BigDecimal("7000"), "persons"), null, null, null, null,
            null, "dead or missing", null);

    static List<Object> samples() {
        return List.of(
                new SourceEvent.SourceRegistered("konev-1969-memoir", KONEV_CITED),
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
        String revision = event.getClass().getAnnotation(org.axonframework.serialization.Revision.class).value();
        assertThat(stored.getType().getRevision()).isEqualTo(revision);
        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), String.class,
                new SimpleSerializedType(pinned, revision)));
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

    /** The events whose shape changed, as earlier code wrote them (revision 1), and what they read as now. */
    static List<org.junit.jupiter.params.provider.Arguments> revisionOne() {
        return List.of(
                org.junit.jupiter.params.provider.Arguments.of("SourceRegistered",
                        new SourceEvent.SourceRegistered("konev-1969-memoir", KONEV)),
                org.junit.jupiter.params.provider.Arguments.of("SourceRevised",
                        new SourceEvent.SourceRevised("konev-1969-memoir", KONEV, "origin confirmed")));
    }

    private static String revisionOneJson(String pinned) throws IOException {
        try (InputStream in = StoredEventsTest.class.getResourceAsStream("/events/revision-1/" + pinned + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource("revisionOne")
    void a_revision_one_event_reads_as_the_current_class_with_no_bibliography(String pinned, Object expected)
            throws IOException {
        String old = revisionOneJson(pinned);
        assertThat(old).doesNotContain("bibliography");
        Object read = serializer.deserialize(new SimpleSerializedObject<>(old, String.class,
                new SimpleSerializedType(pinned, "1")));
        assertThat(read).isEqualTo(expected);
        assertThat(((SourceEvent) read).accept(new DetailsOf()).bibliography()).isNull();
    }

    @ParameterizedTest
    @MethodSource("revisionOne")
    void the_event_stores_upcaster_turns_revision_one_into_two(String pinned, Object expected) throws IOException {
        var row = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Source", "source:konev-1969-memoir", 0,
                "event-1", java.time.Instant.parse("2026-11-20T12:00:00Z"), pinned, "1", revisionOneJson(pinned),
                serializer.serialize(org.axonframework.messaging.MetaData.emptyInstance(), String.class).getData());
        var upcast = SourceDetailsUpcaster.chain().upcast(java.util.stream.Stream.of(
                new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(row, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        var payload = upcast.get(0).getData(com.fasterxml.jackson.databind.JsonNode.class).getData();
        assertThat(payload.get("details").has("bibliography")).isTrue();
        assertThat(payload.get("details").get("bibliography").isNull()).isTrue();
        Object read = serializer.deserialize(upcast.get(0).getData());
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void a_bibliography_is_stored_as_a_json_object_not_a_string() throws IOException {
        String json = serializer.serialize(new SourceEvent.SourceRegistered("konev-1969-memoir", KONEV_CITED),
                String.class).getData();
        var tree = AxonLedger.eventMapper().readTree(json);
        assertThat(tree.get("details").get("bibliography").isObject()).isTrue();
        assertThat(tree.get("details").get("bibliography").get("author").get(0).get("family").asText()).isEqualTo("Konev");
    }

    /** The details an event carries, for the sources' events that have them. */
    private static final class DetailsOf implements SourceEvent.Handler<SourceDetails> {
        public SourceDetails registered(SourceEvent.SourceRegistered e) { return e.details(); }
        public SourceDetails revised(SourceEvent.SourceRevised e) { return e.details(); }
        public SourceDetails assessed(SourceEvent.SourceAssessed e) { return null; }
        public SourceDetails retracted(SourceEvent.SourceRetracted e) { return null; }
        public SourceDetails reinstated(SourceEvent.SourceReinstated e) { return null; }
    }
}
