package org.claimledger.axon;

import org.claimledger.readmodel.Projection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.claimledger.store.Sql;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This replica among those sharing one ledger. Each replica says it is alive every claim interval
 * in {@code ledger_replica}; the read models' segments are claimed through Axon's token table
 * by whichever replica has a free thread, and a replica that holds more than its fair share
 * (all segments over the live replicas, rounded up) lets the surplus go for a while, so that the
 * others take it. A replica that dies stops extending its claims; after the claim timeout the
 * others take its segments.
 */
@ApplicationScoped
public class Replicas {

    private static final Logger LOG = Logger.getLogger(Replicas.class);

    private final String self = name();

    @Inject
    DataSource dataSource;

    @Inject
    AxonLedger ledger;

    @Inject
    @io.quarkus.arc.All
    List<Projection> projections;

    @ConfigProperty(name = "claimledger.projections.claim-timeout", defaultValue = "10S")
    Duration claimTimeout;

    @ConfigProperty(name = "claimledger.projections.claim-interval", defaultValue = "2S")
    Duration claimInterval;

    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replica-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** The name this replica claims segments under: host, process, and a random part for restarts. */
    public String self() {
        return self;
    }

    void start(@Observes @Priority(150) StartupEvent event) {
        alive();
        long every = claimInterval.toMillis();
        beat.scheduleWithFixedDelay(() -> {
            try {
                alive();
                shareTheWork();
            } catch (RuntimeException e) {
                LOG.debug("replica heartbeat skipped", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @Priority(60) ShutdownEvent event) throws InterruptedException {
        beat.shutdownNow();
        beat.awaitTermination(5, TimeUnit.SECONDS);
        try {
            new Sql(dataSource).update("DELETE FROM ledger_replica WHERE node_id = ?", self);
        } catch (RuntimeException e) {
            LOG.debug("could not sign off", e);
        }
    }

    /** The replicas seen alive within the claim timeout, this one included. */
    public List<String> live() {
        return new Sql(dataSource).list("""
                SELECT node_id FROM ledger_replica WHERE seen_at > now() - make_interval(secs => ?) ORDER BY 1""",
                rs -> rs.getString(1), (double) claimTimeout.toMillis() / 1000);
    }

    private void alive() {
        new Sql(dataSource).update("""
                INSERT INTO ledger_replica (node_id, seen_at) VALUES (?, now())
                ON CONFLICT (node_id) DO UPDATE SET seen_at = excluded.seen_at""", self);
    }

    /** Lets go of segments beyond this replica's fair share, from the processors where it holds most. */
    void shareTheWork() {
        if (!ledger.isRunning()) {
            return;
        }
        int replicas = Math.max(1, live().size());
        Map<String, TrackingEventProcessor> processors = Projections.processors(ledger);
        int total = 0;
        int held = 0;
        for (TrackingEventProcessor processor : processors.values()) {
            total += ledger.configuration().eventProcessingConfiguration().tokenStore(processor.getName())
                    .fetchSegments(processor.getName()).length;
            held += processor.processingStatus().size();
        }
        int fair = (total + replicas - 1) / replicas;
        int surplus = held - fair;
        if (surplus <= 0 || replicas == 1) {
            return;
        }
        // only segments of read models split by aggregate move: the verdicts' working copy stays put
        List<TrackingEventProcessor> movable = projections.stream()
                .filter(Projection::splitByAggregate)
                .map(p -> processors.get(Projections.nameOf(p)))
                .filter(p -> p != null && p.processingStatus().size() > 0)
                .sorted(Comparator.comparingInt((TrackingEventProcessor p) -> p.processingStatus().size()).reversed())
                .toList();
        long away = claimInterval.toMillis() * 3;
        for (TrackingEventProcessor processor : movable) {
            for (Integer segment : processor.processingStatus().keySet()) {
                if (surplus-- <= 0) {
                    return;
                }
                LOG.infof("%s holds %d segments of %d with %d replicas alive: letting %s segment %d go",
                        self, held, total, replicas, processor.getName(), segment);
                processor.releaseSegment(segment, away, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "replica";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
