package org.claimledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** The update topic read by a plain Kafka consumer, as an archive or a research pipeline would read it. */
public final class UpdateTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UpdateTopic() {
    }

    /** Reads the whole topic from the start, again (a new group each time) until n events for the key are seen. */
    public static List<JsonNode> readUntil(String bootstrapServers, String key, int n, Duration within) {
        List<List<JsonNode>> seen = new ArrayList<>(List.of(List.of()));
        try {
            org.awaitility.Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
                seen.set(0, readOnce(bootstrapServers, key, n));
                return seen.get(0).size() >= n;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("only " + seen.get(0).size() + " of " + n + " updates for " + key + " on the topic");
        }
        return seen.get(0);
    }

    /** One read of the topic from its start: the events for the key, stopping at n or after 5 quiet seconds. */
    private static List<JsonNode> readOnce(String bootstrapServers, String key, int n) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("claims.updates"));
            long quiet = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < quiet && events.size() < n) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        events.add(JSON.readTree(r.value()));
                    }
                }
            }
        }
        return List.copyOf(events);
    }
}
