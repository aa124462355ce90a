package org.claimledger.stream.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the update topic lives: an external Kafka cluster when {@code KAFKA_BOOTSTRAP_SERVERS} names
 * one, otherwise a single-node KRaft broker run in this process with its log under the data
 * directory (so the topic survives a restart). Tests stop and start it to check that publication
 * waits for the broker and then catches up.
 */
@ApplicationScoped
public class KafkaBroker {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final String CLUSTER_ID = "claimledger-embedded-kraft";
    private static final int SESSION_TIMEOUT_MS = 2000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    Optional<String> external;

    @ConfigProperty(name = "claimledger.kafka.embedded.dir")
    String directory;

    private volatile KafkaClusterTestKit embedded;

    /** The first start, run beside the service's own; null with an external cluster. */
    private volatile java.util.concurrent.CompletableFuture<Void> starting;

    /**
     * The embedded broker starts beside the rest of the service, not before it: the ledger takes
     * writes and serves reads without Kafka, and publication waits for the broker and then catches up
     * (its position is in PostgreSQL). A restart after a crash is ready seconds sooner.
     */
    void start(@Observes @Priority(10) StartupEvent event) {
        if (external.filter(s -> !s.isBlank()).isEmpty()) {
            starting = new java.util.concurrent.CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    startEmbedded();
                    starting.complete(null);
                } catch (Throwable e) {
                    LOG.error("the embedded Kafka broker did not start; updates are not published to Kafka", e);
                    starting.completeExceptionally(e);
                }
            }, "kafka-broker-start");
            starter.setDaemon(true);
            starter.start();
        } else {
            LOG.infof("Publishing updates to the Kafka cluster at %s", external.get());
        }
    }

    void stop(@Observes @Priority(Integer.MAX_VALUE - 1) ShutdownEvent event) {
        stopEmbedded();
    }

    public boolean isEmbedded() {
        return external.filter(s -> !s.isBlank()).isEmpty();
    }

    /** Where clients connect now (an embedded broker gets new ports each time it starts). */
    public String bootstrapServers() {
        if (!isEmbedded()) {
            return external.get();
        }
        KafkaClusterTestKit running = embedded;
        if (running == null) {
            awaitFirstStart();
            running = embedded;
        }
        if (running == null) {
            throw new IllegalStateException("the embedded Kafka broker is not running");
        }
        return running.bootstrapServers();
    }

    /** While the broker's first start is under way, waits for it (a few seconds at most). */
    private void awaitFirstStart() {
        java.util.concurrent.CompletableFuture<Void> first = starting;
        if (first == null || first.isDone()) {
            return;
        }
        try {
            first.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // answered below as not running
        }
    }

    /** Starts the embedded broker on its log directory (formatting it the first time). */
    public synchronized void startEmbedded() throws Exception {
        if (embedded != null) {
            return;
        }
        long started = System.nanoTime();
        Path base = Path.of(directory).toAbsolutePath();
        boolean fresh = !Files.isDirectory(base) || isEmpty(base);
        Files.createDirectories(base);
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setClusterId(CLUSTER_ID)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(base)
                .build())
                .setDeleteOnClose(false)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("auto.create.topics.enable", "false")
                // After a crash the controller (this same process) holds the dead broker's session
                // open for broker.session.timeout.ms (9 s by default) and refuses the new broker's
                // registration until then: most of a restart after a crash. One node heartbeating
                // in-process needs no such slack.
                .setConfigProp("broker.session.timeout.ms", String.valueOf(SESSION_TIMEOUT_MS))
                .setConfigProp("broker.heartbeat.interval.ms", String.valueOf(SESSION_TIMEOUT_MS / 4))
                .build();
        if (fresh) {
            kit.format();
        }
        kit.startup();
        kit.waitForReadyBrokers();
        embedded = kit;
        LOG.infof("Embedded Kafka broker (KRaft) at %s with its log in %s (started in %d ms)",
                kit.bootstrapServers(), base, (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops the embedded broker; its log stays for the next start. */
    public synchronized void stopEmbedded() {
        KafkaClusterTestKit running = embedded;
        embedded = null;
        if (running != null) {
            try {
                running.close();
                LOG.info("Embedded Kafka broker stopped");
            } catch (Exception e) {
                LOG.warn("the embedded Kafka broker did not stop cleanly", e);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
