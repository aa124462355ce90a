package org.claimledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** The update topic read as its consumers read it: the values as plain JSON, or as CloudEvents through the SDK. */
public final class UpdateTopic {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "claims.updates";

    private UpdateTopic() {
    }

    /** Reads the whole topic from the start, again until n events for the key are seen. */
    public static List<JsonNode> readUntil(String bootstrapServers, String key, int n, Duration within) {
        return readUntil(bootstrapServers, Map.of(), key, n, within, ByteArrayDeserializer::new,
                r -> JSON.readTree(r.value()));
    }

    /**
     * Reads the topic from {@code from} (see {@link #ends}) as a consumer using the CloudEvents SDK reads
     * it, with the SDK's deserializer (which fails on a record that is neither in structured mode, with
     * a content-type header, nor in binary mode), until n records for the key are seen.
     */
    public static List<ConsumerRecord<String, CloudEvent>> cloudEventsUntil(String bootstrapServers,
                                                                             Map<TopicPartition, Long> from,
                                                                             String key, int n, Duration within) {
        return readUntil(bootstrapServers, from, key, n, within, CloudEventDeserializer::new, r -> r);
    }

    /**
     * Where each partition of the topic ends now (none while there is no topic): reading from there
     * leaves out what earlier runs left in the embedded broker's log, published by other code.
     */
    public static Map<TopicPartition, Long> ends(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(partitions(consumer));
        }
    }

    /** What a test takes from one record. */
    private interface Reading<V, T> {
        T read(ConsumerRecord<String, V> record) throws Exception;
    }

    private static <V, T> List<T> readUntil(String bootstrapServers, Map<TopicPartition, Long> from, String key,
                                            int n, Duration within, Supplier<Deserializer<V>> values,
                                            Reading<V, T> reading) {
        List<List<T>> seen = new ArrayList<>(List.of(List.of()));
        try {
            org.awaitility.Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
                seen.set(0, readOnce(bootstrapServers, from, key, n, values.get(), reading));
                return seen.get(0).size() >= n;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("only " + seen.get(0).size() + " of " + n + " updates for " + key + " on the topic");
        }
        return seen.get(0);
    }

    /**
     * One read of the topic from {@code from} (a partition not named there: from its start): the events
     * for the key, stopping at n or after 5 quiet seconds.
     */
    private static <V, T> List<T> readOnce(String bootstrapServers, Map<TopicPartition, Long> from, String key, int n,
                                           Deserializer<V> values, Reading<V, T> reading) throws Exception {
        List<T> events = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config(bootstrapServers), new StringDeserializer(),
                values)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions.stream().filter(tp -> !from.containsKey(tp)).toList());
            partitions.stream().filter(from::containsKey).forEach(tp -> consumer.seek(tp, from.get(tp)));
            long quiet = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < quiet && events.size() < n) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        events.add(reading.read(r));
                    }
                }
            }
        }
        return List.copyOf(events);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
        return consumer.partitionsFor(TOPIC).stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
    }

    private static Properties config(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }
}
