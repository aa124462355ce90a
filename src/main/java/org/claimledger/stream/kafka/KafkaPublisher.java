package org.claimledger.stream.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.claimledger.store.Json;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimledger.store.Sql;
import org.claimledger.stream.Cursor;
import org.claimledger.stream.Update;
import org.claimledger.stream.UpdateFilter;
import org.claimledger.stream.UpdateLog;
import org.claimledger.stream.UpdateSignal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the update feed to Kafka ({@code claims.updates}): key = proposition id (a source's id
 * for source updates), value = the update as a CloudEvents 1.0 JSON event. The SDK's own serializer
 * writes it in the Kafka binding's structured mode, so the record carries the header
 * {@code content-type: application/cloudevents+json} that consumers using the SDK need. Runs from
 * the feed, which the event log feeds, and moves its stored position only after the broker has
 * acknowledged (idempotent producer, {@code acks=all}): with the broker down it waits and retries,
 * then catches up; nothing is lost, and one key's updates keep their order.
 *
 * <p>Among replicas, one publishes: the one holding a PostgreSQL advisory lock on its own
 * connection (a replica that dies loses it with its connection, and another takes over). A
 * publisher taking over first reads the last record of every partition: what a predecessor
 * sent but could not record as sent is not sent twice (a key always goes to the same partition,
 * in cursor order, so a partition's last record says how far that partition got).
 */
@ApplicationScoped
public class KafkaPublisher {

    private static final Logger LOG = Logger.getLogger(KafkaPublisher.class);
    private static final int BATCH = 500;
    /** The advisory lock whose holder publishes (any number of our own). */
    private static final long PUBLISHER_LOCK = 0x6b61666b61L;

    @Inject
    KafkaBroker broker;

    @Inject
    UpdateLog log;

    @Inject
    UpdateSignal signal;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "claimledger.kafka.topic")
    String topic;

    @ConfigProperty(name = "claimledger.kafka.partitions")
    int partitions;

    @ConfigProperty(name = "claimledger.kafka.replication-factor")
    short replicationFactor;

    @ConfigProperty(name = "claimledger.kafka.source")
    String source;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, CloudEvent> producer;
    private String producerBootstrap;
    /** The connection holding the publisher's lock while this replica publishes. */
    private Connection leadership;
    /** After taking over: per partition, the cursor of its last record on the topic; null once past them. */
    private Map<Integer, Cursor> onTopic;

    void start(@Observes @Priority(400) StartupEvent event) {
        running = true;
        signal.listen(wake::release);
        thread = new Thread(this::run, "kafka-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes @Priority(40) ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(10_000);
        }
        closeProducer();
        resign();
    }

    /** Whether this replica publishes (now). */
    public boolean publishing() {
        return leadership != null;
    }

    /** Where publication stands: everything up to this cursor has been acknowledged by the broker. */
    public Cursor published() {
        return new Sql(dataSource).one("SELECT position, seq FROM kafka_publication WHERE topic = ?",
                rs -> new Cursor(rs.getLong(1), rs.getInt(2)), topic).orElse(Cursor.START);
    }

    private void run() {
        long backoff = 500;
        while (running) {
            try {
                if (!lead()) {
                    wake.tryAcquire(1, TimeUnit.SECONDS); // another replica publishes; ask again soon
                    continue;
                }
                if (publishOnce()) {
                    continue; // there may be more right away
                }
                backoff = 500;
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("publishing to Kafka failed (%s); retrying in %d ms", e.getMessage(), backoff);
                closeProducer();
                onTopic = null; // read the topic's tail again before sending: the failed batch may be partly there
                sleep(backoff);
                backoff = Math.min(backoff * 2, 4_000);
            }
        }
    }

    /** Publishes the next batch; true when a full batch went out (more may be waiting). */
    boolean publishOnce() throws Exception {
        Cursor from = published();
        List<Update> batch = log.after(from, UpdateFilter.ANY, BATCH);
        if (batch.isEmpty()) {
            return false;
        }
        KafkaProducer<String, CloudEvent> p = producer();
        int partitionCount = p.partitionsFor(topic).size();
        if (onTopic == null) {
            onTopic = sentBefore(tails(partitionCount), batch);
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (Update u : batch) {
            String key = key(u);
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount;
            Cursor last = onTopic.get(partition);
            sent.add(last != null && u.cursor().compareTo(last) <= 0 ? null // sent before the takeover
                    : p.send(new ProducerRecord<>(topic, partition, key, cloudEvent(u))));
        }
        p.flush();
        Cursor acknowledged = from;
        try {
            for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i) != null) {
                    sent.get(i).get(30, TimeUnit.SECONDS);
                }
                acknowledged = batch.get(i).cursor();
            }
            if (onTopic.values().stream().allMatch(c -> c.compareTo(batch.get(batch.size() - 1).cursor()) <= 0)) {
                onTopic = Map.of(); // past everything a predecessor sent
            }
        } finally {
            if (!acknowledged.equals(from)) {
                store(acknowledged); // the acknowledged prefix counts even when a later send failed
            }
        }
        return batch.size() == BATCH;
    }

    /** Takes the publisher's lock, or keeps it while its connection lives; false while another replica holds it. */
    private boolean lead() throws SQLException {
        if (leadership != null) {
            if (leadership.isValid(2)) {
                return true;
            }
            resign();
        }
        Connection c = dataSource.getConnection();
        boolean got = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, PUBLISHER_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                got = rs.next() && rs.getBoolean(1);
            }
        } finally {
            if (!got) {
                c.close();
            }
        }
        if (!got) {
            return false;
        }
        leadership = c;
        onTopic = null;
        LOG.info("this replica publishes the update feed to Kafka");
        return true;
    }

    private void resign() {
        Connection c = leadership;
        leadership = null;
        if (c != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, PUBLISHER_LOCK);
                ps.execute();
            } catch (SQLException gone) {
                // the connection died: PostgreSQL has already released the lock with it
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a dead connection
            }
        }
    }

    /** A partition's last record: the update it carries, and its key. */
    private record Tail(Cursor cursor, String key) {
    }

    /**
     * Of the partitions' last records, those that are updates of this batch (same place in the
     * stream, same key): what a predecessor sent beyond the position it recorded. Records from
     * anything else (an older ledger on the same topic, say) are no reason to skip.
     */
    private static Map<Integer, Cursor> sentBefore(Map<Integer, Tail> tails, List<Update> batch) {
        Map<String, String> keyOf = new HashMap<>();
        batch.forEach(u -> keyOf.put(u.cursor().id(), key(u)));
        Map<Integer, Cursor> sent = new HashMap<>();
        tails.forEach((partition, tail) -> {
            if (tail.key().equals(keyOf.get(tail.cursor().id()))) {
                sent.put(partition, tail.cursor());
            }
        });
        return sent;
    }

    /**
     * Per partition, the last record on the topic (partitions without records left out). Read as
     * bytes rather than with the SDK's deserializer: records published before the content-type
     * header was sent are the same JSON, without the header the SDK needs.
     */
    private Map<Integer, Tail> tails(int partitionCount) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "claimledger-publisher-takeover");
        Map<Integer, Tail> tails = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int i = 0; i < partitionCount; i++) {
                all.add(new TopicPartition(topic, i));
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(all, Duration.ofSeconds(10));
            List<TopicPartition> filled = all.stream().filter(tp -> ends.get(tp) > 0).toList();
            consumer.assign(filled);
            filled.forEach(tp -> consumer.seek(tp, ends.get(tp) - 1));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (tails.size() < filled.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the last records of " + topic);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() == ends.get(new TopicPartition(topic, r.partition())) - 1) {
                        String id = Json.MAPPER.readTree(r.value()).path("id").asText();
                        String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                        try {
                            tails.put(r.partition(), new Tail(Cursor.parse("id", id), key));
                        } catch (RuntimeException notOurs) {
                            tails.put(r.partition(), new Tail(Cursor.START, key)); // not an update of a ledger
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a record on " + topic + " is not a CloudEvent", e);
        }
        return tails;
    }

    private CloudEvent cloudEvent(Update u) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(u.id())
                .withSource(URI.create(source))
                .withType("org.claimledger." + u.type())
                .withTime(OffsetDateTime.ofInstant(u.recordedAt(), ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(u.data().getBytes(StandardCharsets.UTF_8));
        String subject = u.propositionId() != null ? u.propositionId() : u.sourceId();
        if (subject != null) {
            event.withSubject(subject);
        }
        return event.build();
    }

    private static String key(Update u) {
        return u.propositionId() != null ? u.propositionId() : "source:" + u.sourceId();
    }

    private void store(Cursor acknowledged) {
        new Sql(dataSource).update("""
                INSERT INTO kafka_publication (topic, position, seq) VALUES (?, ?, ?)
                ON CONFLICT (topic) DO UPDATE SET position = excluded.position, seq = excluded.seq""",
                topic, acknowledged.position(), acknowledged.seq());
    }

    private KafkaProducer<String, CloudEvent> producer() throws ExecutionException, InterruptedException {
        String bootstrap = broker.bootstrapServers();
        if (producer != null && bootstrap.equals(producerBootstrap)) {
            return producer;
        }
        closeProducer();
        ensureTopic(bootstrap);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "claimledger-publisher");
        // a serializer handed over as an instance is not configured by the producer: configured here
        CloudEventSerializer events = new CloudEventSerializer();
        events.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED,
                CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
        producer = new KafkaProducer<>(config, new StringSerializer(), events);
        producerBootstrap = bootstrap;
        return producer;
    }

    private void ensureTopic(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all().get();
                LOG.infof("Created topic %s (%d partitions)", topic, partitions);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(2));
            } catch (RuntimeException ignored) {
                // closing a producer to a dead broker
            }
            producer = null;
            producerBootstrap = null;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
