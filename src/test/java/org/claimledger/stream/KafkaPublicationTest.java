package org.claimledger.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.claimledger.stream.kafka.KafkaBroker;
import org.claimledger.testing.Api;
import org.claimledger.testing.UpdateTopic;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/**
 * The update topic read by a plain Kafka consumer, as an archive or a research pipeline would read it,
 * and by a consumer using the CloudEvents SDK.
 */
@QuarkusTest
class KafkaPublicationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KafkaBroker broker;

    @Inject
    org.claimledger.stream.kafka.KafkaPublisher publisher;

    @Inject
    org.claimledger.stream.UpdateLog updates;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void claims_and_verdict_changes_arrive_as_cloudevents_keyed_by_proposition_and_survive_a_broker_outage()
            throws Exception {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String p = city + "/published";
        post("/api/propositions", Api.proposition(p, city, "boolean")).statusCode(201);
        String a = unique("source-a");
        String b = unique("source-b");
        post("/api/sources", Api.source(a)).statusCode(201);
        post("/api/sources", Api.source(b)).statusCode(201);
        claim(a, p, 1, true);
        // The verdicts reader takes what is waiting: had both claims arrived in one of its batches, the
        // first verdict change would follow the second claim. Wait for it, so the order below is fixed.
        Api.awaitVerdict(p, "single-line");
        claim(b, p, 2, false);

        List<JsonNode> before = readUntil(p, 4, Duration.ofSeconds(60));
        assertThat(before).extracting(e -> e.get("type").asText()).containsExactly(
                "org.claimledger.claim-recorded", "org.claimledger.verdict-changed",
                "org.claimledger.claim-recorded", "org.claimledger.verdict-changed");
        JsonNode first = before.get(0);
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("subject").asText()).isEqualTo(p);
        assertThat(first.get("source").asText()).isEqualTo("/claimledger");
        assertThat(first.get("data").get("claim").get("id").asText()).isEqualTo(a + "/claim-1");
        assertThat(before.get(3).get("data").get("to").asText()).isEqualTo("contested");

        broker.stopEmbedded();
        try {
            for (int i = 3; i <= 7; i++) {
                claim(i % 2 == 0 ? a : b, p, i, i % 2 == 0);
            }
            Thread.sleep(2000); // the publisher meets a missing broker and must wait
        } finally {
            broker.startEmbedded();
        }

        List<JsonNode> all = readUntil(p, 9, Duration.ofSeconds(90));
        List<String> ids = all.stream().map(e -> e.get("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(all.stream().filter(e -> e.get("type").asText().endsWith("claim-recorded"))
                .map(e -> e.get("data").get("claim").get("id").asText()).toList())
                .containsExactly(a + "/claim-1", b + "/claim-2", b + "/claim-3", a + "/claim-4", b + "/claim-5",
                        a + "/claim-6", b + "/claim-7");
        for (int i = 1; i < ids.size(); i++) {
            assertThat(Cursor.parse("id", ids.get(i))).isGreaterThan(Cursor.parse("id", ids.get(i - 1)));
        }
    }

    @Test
    void a_publisher_taking_over_skips_what_its_predecessor_sent_but_had_not_recorded() throws Exception {
        String city = unique("takeover");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String p = city + "/published";
        post("/api/propositions", Api.proposition(p, city, "boolean")).statusCode(201);
        String a = unique("source-a");
        post("/api/sources", Api.source(a)).statusCode(201);
        for (int i = 1; i <= 3; i++) {
            claim(a, p, i, i % 2 == 0);
        }
        Api.awaitVerdict(p, "contested");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> publisher.published().equals(updates.head()));
        List<JsonNode> sent = readUntil(p, updatesAbout(p), Duration.ofSeconds(60)); // claims and verdict changes

        // The predecessor sent all of these and died before recording how far it got: the position
        // says it stopped just before the first. Its lock dies with it, and a publisher takes over.
        Cursor first = Cursor.parse("id", sent.get(0).get("id").asText());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement back = c.prepareStatement(
                    "UPDATE kafka_publication SET position = ?, seq = ? WHERE topic = 'claims.updates'");
                 Statement kill = c.createStatement()) {
                back.setLong(1, first.position() - 1);
                back.setInt(2, Integer.MAX_VALUE);
                assertThat(back.executeUpdate()).isEqualTo(1);
                // the publisher's lock (key 0x6b61666b61: classid 0x6b, objid 0x61666b61) and its connection
                try (ResultSet rs = kill.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks"
                        + " WHERE locktype = 'advisory' AND granted AND classid = 107 AND objid = 1634102113")) {
                    assertThat(rs.next()).as("a publisher holds the lock").isTrue();
                }
            }
            c.commit();
        }
        claim(a, p, 4, true);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> updatesAbout(p) > sent.size() && publisher.published().equals(updates.head()));

        List<JsonNode> all = readUntil(p, updatesAbout(p), Duration.ofSeconds(60));
        List<String> ids = all.stream().map(e -> e.get("id").asText()).toList();
        assertThat(ids).as("nothing the predecessor sent is sent again").doesNotHaveDuplicates();
        assertThat(all.stream().filter(e -> e.get("type").asText().endsWith("claim-recorded"))
                .map(e -> e.get("data").get("claim").get("id").asText()).toList())
                .containsExactly(a + "/claim-1", a + "/claim-2", a + "/claim-3", a + "/claim-4");
    }

    @Test
    void a_consumer_using_the_cloudevents_sdk_reads_each_record_as_a_structured_cloudevent() throws Exception {
        Map<TopicPartition, Long> from = UpdateTopic.ends(broker.bootstrapServers());
        String city = unique("sdk");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String p = city + "/published";
        post("/api/propositions", Api.proposition(p, city, "boolean")).statusCode(201);
        String a = unique("source-a");
        post("/api/sources", Api.source(a)).statusCode(201);
        claim(a, p, 1, true);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> updatesAbout(p) == 2);
        List<Update> expected = updates.after(Cursor.START, new UpdateFilter(Set.of(), Set.of(p), Set.of()), 10);

        List<ConsumerRecord<String, CloudEvent>> records =
                UpdateTopic.cloudEventsUntil(broker.bootstrapServers(), from, p, 2, Duration.ofSeconds(60));

        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> r.value().getType())
                .containsExactly("org.claimledger.claim-recorded", "org.claimledger.verdict-changed");
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, CloudEvent> record = records.get(i);
            Update update = expected.get(i);
            // structured mode: the event is the value, announced by its content type; no ce_ headers
            assertThat(record.headers().headers("content-type")).singleElement()
                    .extracting(h -> new String(h.value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
            assertThat(record.headers()).noneMatch(h -> h.key().startsWith("ce_"));
            assertThat(record.key()).isEqualTo(p);
            CloudEvent event = record.value();
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getId()).isEqualTo(update.id());
            assertThat(event.getType()).isEqualTo("org.claimledger." + update.type());
            assertThat(event.getSource()).isEqualTo(URI.create("/claimledger"));
            assertThat(event.getSubject()).isEqualTo(p);
            assertThat(event.getTime().toInstant()).isEqualTo(update.recordedAt());
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(JSON.readTree(event.getData().toBytes())).isEqualTo(JSON.readTree(update.data()));
        }
        assertThat(JSON.readTree(records.get(0).value().getData().toBytes()).get("claim").get("id").asText())
                .isEqualTo(a + "/claim-1");
    }

    /** How many updates about the proposition the update stream holds: what the topic must carry, once each. */
    private int updatesAbout(String proposition) {
        return updates.after(org.claimledger.stream.Cursor.START,
                new org.claimledger.stream.UpdateFilter(Set.of(), Set.of(proposition), Set.of()), 10_000).size();
    }

    private List<JsonNode> readUntil(String key, int n, Duration within) throws Exception {
        return UpdateTopic.readUntil(broker.bootstrapServers(), key, n, within);
    }

    static void claim(String source, String proposition, int n, boolean value) {
        post("/api/sources/" + source + "/claims", Map.of("id", source + "/claim-" + n, "propositionId", proposition,
                "stance", "asserts", "value", Map.of("boolean", value))).statusCode(201);
    }
}
