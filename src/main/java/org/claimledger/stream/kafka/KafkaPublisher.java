package org.claimledger.stream.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
 * for source updates), value = the update as a CloudEvents 1.0 JSON event. Runs from the feed, which
 * the event log feeds, and moves its stored position only after the broker has acknowledged
 * (idempotent producer, {@code acks=all}): with the broker down it waits and retries, then catches
 * up; nothing is lost, and one key's updates keep their order.
 */
@ApplicationScoped
public class KafkaPublisher {

    private static final Logger LOG = Logger.getLogger(KafkaPublisher.class);
    private static final int BATCH = 500;
    private static final EventFormat JSON = new JsonFormat();

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
    private KafkaProducer<String, byte[]> producer;
    private String producerBootstrap;

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
        KafkaProducer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (Update u : batch) {
            sent.add(p.send(new ProducerRecord<>(topic, key(u), JSON.serialize(cloudEvent(u)))));
        }
        p.flush();
        Cursor acknowledged = from;
        try {
            for (int i = 0; i < sent.size(); i++) {
                sent.get(i).get(30, TimeUnit.SECONDS);
                acknowledged = batch.get(i).cursor();
            }
        } finally {
            if (!acknowledged.equals(from)) {
                store(acknowledged); // the acknowledged prefix counts even when a later send failed
            }
        }
        return batch.size() == BATCH;
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

    private KafkaProducer<String, byte[]> producer() throws ExecutionException, InterruptedException {
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
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
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
