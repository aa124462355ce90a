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

    /** Reads the whole topic from the start (a new group each time) until n events for the key are seen. */
    public static List<JsonNode> readUntil(String bootstrapServers, String key, int n, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> events = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            events.clear();
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
            if (events.size() >= n) {
                return List.copyOf(events);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + events.size() + " of " + n + " updates for " + key + " on the topic");
    }
}
