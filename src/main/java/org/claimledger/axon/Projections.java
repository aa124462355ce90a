package org.claimledger.axon;

import org.claimledger.readmodel.BulkCatchUp;
import org.claimledger.readmodel.Projection;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.claimledger.common.Rejection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The read models' processors: where each stands in the event log, and rebuilding one from the
 * log. A read model that implements {@link BulkCatchUp} is rebuilt in one transaction reading the
 * log directly (its processor stopped meanwhile, then started at the position reached), and
 * catches up the same way when found more than {@code claimledger.projections.bulk-threshold}
 * events behind; any other is emptied by its reset handler and the log replayed through its
 * processor.
 */
@ApplicationScoped
public class Projections {

    private static final Logger LOG = Logger.getLogger(Projections.class);

    /** Where one read model stands against the head of the event log. */
    public record Status(String name, Long position, Long head, boolean caughtUp, boolean replaying,
                         boolean running, String error, String lastBulkFailure,
                         long transactions, long eventsHandled) {
    }

    /** Why the read model's last rebuild or bulk catch-up rolled back, until one succeeds. */
    private final Map<String, String> bulkFailures = new ConcurrentHashMap<>();

    @Inject
    AxonLedger ledger;

    @Inject
    StoredTokens storedTokens;

    @Inject
    LocalReaders localReaders;

    @Inject
    Replicas replicas;

    @ConfigProperty(name = "claimledger.projections.claim-timeout", defaultValue = "10S")
    Duration claimTimeout;

    @Inject
    @All
    List<Projection> projections;

    @ConfigProperty(name = "claimledger.projections.bulk-timeout", defaultValue = "6H")
    Duration bulkTimeout;

    /** Events handled between two sends of a bulk catch-up's queued writes. */
    @ConfigProperty(name = "claimledger.projections.bulk-chunk", defaultValue = "5000")
    int bulkChunk;

    @ConfigProperty(name = "claimledger.projections.bulk-threshold", defaultValue = "20000")
    long bulkThreshold;

    private volatile boolean stopping;

    /** Read models catching up in bulk right now. */
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService lagCheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-model-lag");
        t.setDaemon(true);
        return t;
    });
    /** Catch-ups in bulk run side by side, a thread each: the feed's need not wait for the verdicts'. */
    private final java.util.concurrent.ExecutorService bulkWork = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "read-model-bulk");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes @Priority(200) StartupEvent event) {
        if (bulkThreshold > 0) {
            lagCheck.scheduleWithFixedDelay(this::checkLag, 2, 2, TimeUnit.SECONDS);
        }
    }

    void stop(@Observes @Priority(50) ShutdownEvent event) throws InterruptedException {
        // before Axon stops; a catch-up cut short rolls back: the view and its position stay as they were
        stopping = true;
        lagCheck.shutdownNow();
        bulkWork.shutdownNow();
        bulkWork.awaitTermination(30, TimeUnit.SECONDS);
    }

    public List<Status> status() {
        long head = head();
        List<Status> all = new java.util.ArrayList<>(processors().entrySet().stream()
                .map(e -> status(e.getKey(), e.getValue(), head))
                .toList());
        all.addAll(localReaders.status(head));
        return all;
    }

    public Status status(String name) {
        if (localReaders.has(name)) {
            return localReaders.status(name, head());
        }
        return status(name, processor(name), head());
    }

    private Status status(String name, TrackingEventProcessor processor, long head) {
        return status(name, processor, head, rebuilding.contains(name));
    }

    /** Rebuilds the read model from the whole event log; returns at once (poll its status). */
    public Status rebuild(String name) {
        if (localReaders.has(name)) {
            // a replica's own copy: this replica empties and reads it again; the others keep theirs
            long head = head();
            localReaders.rebuild(name, head);
            return localReaders.status(name, head);
        }
        TrackingEventProcessor processor = processor(name);
        if (projection(name).map(p -> !p.rebuildable()).orElse(false)) {
            throw Rejection.conflict("read model " + name + " is never rebuilt: subscribers follow it by id, and a"
                    + " rebuild would give some of its entries other ids");
        }
        List<String> elsewhere = storedTokens.holders(name, replicas.self(), claimTimeout);
        if (!elsewhere.isEmpty()) {
            // a rebuild takes every segment of the read model; another replica holds some of them
            throw Rejection.conflict("read model " + name + " is kept by another replica (" + String.join(", ", elsewhere)
                    + "); rebuild it there, or with one replica running");
        }
        BulkCatchUp bulk = bulk(name);
        if (bulk == null) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        } else {
            inBulk(name, processor, bulk, true);
        }
        return status(name);
    }

    /**
     * Brings the read model level with the log: in one transaction if it can catch up in bulk,
     * else through its processor (started if stopped). Returns at once.
     */
    public Status catchUp(String name) {
        TrackingEventProcessor processor = processor(name);
        BulkCatchUp bulk = bulk(name);
        if (bulk == null) {
            processor.start();
        } else {
            inBulk(name, processor, bulk, false);
        }
        return status(name);
    }

    /** Queues a catch-up in bulk of one read model (once: a second request while it runs is the same one). */
    private void inBulk(String name, TrackingEventProcessor processor, BulkCatchUp bulk, boolean rebuild) {
        if (rebuilding.add(name)) {
            bulkWork.execute(() -> {
                try {
                    catchUpInBulk(name, processor, bulk, rebuild);
                } finally {
                    rebuilding.remove(name);
                }
            });
        }
    }

    /** A read model that can catch up in bulk and lags the head by more than the threshold does so. */
    void checkLag() {
        try {
            long head = head();
            processors().forEach((name, processor) -> {
                BulkCatchUp bulk = bulk(name);
                // only the replica holding the read model's segment catches it up
                if (bulk == null || rebuilding.contains(name) || !processor.isRunning()
                        || processor.processingStatus().isEmpty()) {
                    return;
                }
                Status status = status(name, processor, head, false);
                if (status.position() != null && !status.replaying() && head - status.position() > bulkThreshold) {
                    LOG.infof("read model %s is %,d events behind the log: catching up in bulk", name,
                            head - status.position());
                    inBulk(name, processor, bulk, false);
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("lag check skipped", e);
        }
    }

    /**
     * One transaction: for a rebuild, the read model's tables emptied and the log read from its
     * start, else from the processor's position; every event up to the head as it stood at the
     * start handled, what was kept back written, and the processor's position set to the last
     * event handled. Events appended meanwhile are left to the processor.
     */
    private void catchUpInBulk(String name, TrackingEventProcessor processor, BulkCatchUp bulk, boolean rebuild) {
        long started = System.nanoTime();
        processor.shutDown();
        boolean committed = false;
        long[] handled = {0};
        long[] nanos = new long[6]; // reading, handling, writing, finishing, emptying, committing
        try {
            awaitStopped(name, processor);
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(bulk);
            TokenStore tokens = ledger.configuration().eventProcessingConfiguration().tokenStore(name);
            QuarkusTransaction.requiringNew().timeout((int) bulkTimeout.toSeconds()).run(() -> {
                long t = System.nanoTime();
                int segment = tokens.fetchSegments(name)[0];
                // claims the position for this node within the transaction: no other node moves it meanwhile
                TrackingToken from = tokens.fetchToken(name, segment);
                TrackingToken before = from;
                bulk.beginBulk(rebuild, position -> org.claimledger.readmodel.CommittedPositions.covers(before, position));
                nanos[4] = System.nanoTime() - t;
                long head = head();
                TrackingToken reached = rebuild ? null : from;
                try (BlockingStream<TrackedEventMessage<?>> log = ledger.eventStore().openStream(reached);
                     LogAhead ahead = new LogAhead(log, head, name, handlers::canHandle)) {
                    // one thread reads and decodes the log ahead while this one handles what it has read
                    for (List<TrackedEventMessage<?>> chunk = ahead.next(); chunk != null; chunk = ahead.next()) {
                        for (TrackedEventMessage<?> message : chunk) {
                            long t1 = System.nanoTime();
                            if (handlers.canHandle(message)) {
                                handlers.handle(message);
                            }
                            reached = message.trackingToken();
                            long t2 = System.nanoTime();
                            if (++handled[0] % bulkChunk == 0) {
                                bulk.flushBulk();
                            }
                            nanos[1] += t2 - t1;
                            nanos[2] += System.nanoTime() - t2;
                        }
                    }
                    nanos[0] = ahead.waited();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("catch-up of " + name + " interrupted", e);
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                long t3 = System.nanoTime();
                bulk.finishBulk();
                tokens.storeToken(reached, name, segment);
                nanos[3] = System.nanoTime() - t3;
                tokens.releaseClaim(name, segment);
                nanos[5] = System.nanoTime();
            });
            committed = true;
            bulkFailures.remove(name);
            long now = System.nanoTime();
            LOG.infof("read model %s %s in bulk: %,d events in %d ms (emptying %d, waiting for the log %d, handling %d, "
                            + "writing %d, finishing %d, committing %d ms)", name, rebuild ? "rebuilt" : "caught up",
                    handled[0], (now - started) / 1_000_000, nanos[4] / 1_000_000, nanos[0] / 1_000_000,
                    nanos[1] / 1_000_000, nanos[2] / 1_000_000, nanos[3] / 1_000_000, (now - nanos[5]) / 1_000_000);
        } catch (RuntimeException e) {
            bulkFailures.put(name, (rebuild ? "rebuild" : "catch-up") + " failed: " + rootMessage(e));
            LOG.errorf(e, "bulk %s of read model %s failed; its view and position are as before",
                    rebuild ? "rebuild" : "catch-up", name);
        } finally {
            bulk.endBulk(committed);
            if (!stopping) {
                processor.start();
            }
        }
        if (committed && !stopping) {
            long tidying = System.nanoTime();
            try {
                bulk.tidyUp();
                LOG.infof("read model %s tidied up after its bulk %s in %d ms", name, rebuild ? "rebuild" : "catch-up",
                        (System.nanoTime() - tidying) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warnf(e, "read model %s could not be tidied up after its bulk %s (autovacuum will)", name,
                        rebuild ? "rebuild" : "catch-up");
            }
        }
    }

    /**
     * Reads the log ahead of a catch-up on a thread of its own, up to the head as it stood: the
     * payload and record time of each event the read model handles decoded there (the costly part
     * of reading; the kind is known without decoding), handed over in
     * chunks through a short queue. A head event whose append rolled back never comes: the reading
     * stops when nothing more does for a second.
     */
    static final class LogAhead implements AutoCloseable {
        private static final int CHUNK = 500;
        private static final List<TrackedEventMessage<?>> END = List.of();
        private final java.util.concurrent.BlockingQueue<List<TrackedEventMessage<?>>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(16);
        private final Thread thread;
        private volatile Throwable failure;
        private volatile boolean closed;
        private long waited;

        LogAhead(BlockingStream<TrackedEventMessage<?>> log, long head, String name,
                 java.util.function.Predicate<TrackedEventMessage<?>> handled) {
            thread = new Thread(() -> {
                try {
                    List<TrackedEventMessage<?>> chunk = new java.util.ArrayList<>(CHUNK);
                    long reached = -1;
                    while (!closed && reached < head && log.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        TrackedEventMessage<?> message = log.nextAvailable();
                        if (handled.test(message)) { // by its type: what the read model skips is never decoded
                            message.getPayload();
                            message.getTimestamp();
                        }
                        reached = message.trackingToken().position().orElse(reached);
                        chunk.add(message);
                        if (chunk.size() == CHUNK) {
                            queue.put(chunk);
                            chunk = new java.util.ArrayList<>(CHUNK);
                        }
                    }
                    if (!chunk.isEmpty()) {
                        queue.put(chunk);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    try {
                        if (!closed) {
                            queue.put(END);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "read-model-bulk-log-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        /** The next chunk of the log, in order; null at the end. */
        List<TrackedEventMessage<?>> next() throws InterruptedException {
            long t = System.nanoTime();
            List<TrackedEventMessage<?>> chunk = queue.take();
            waited += System.nanoTime() - t;
            if (chunk == END) {
                if (failure != null) {
                    throw new IllegalStateException("reading the log failed", failure);
                }
                return null;
            }
            return chunk;
        }

        /** How long the handling waited for the reading, in nanoseconds. */
        long waited() {
            return waited;
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            thread.interrupt();
            thread.join(10_000); // before the log it reads is closed under it
        }
    }

    /**
     * Waits until the processor's worker has really ended. Its shutdown gives up waiting after a
     * while and leaves a worker busy with a large batch running; a catch-up beside it would have
     * its position overwritten by the worker's last batch (found at 1M claims: a read model left
     * far behind and stopped).
     */
    private static void awaitStopped(String name, TrackingEventProcessor processor) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (processor.activeProcessorThreads() > 0) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the processor of " + name + " did not stop; not caught up in bulk");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the processor of " + name, e);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private BulkCatchUp bulk(String name) {
        if (storedTokens.tokens(name).size() > 1) {
            return null; // split into segments (replicas): its processor's threads catch it up, a segment each
        }
        return projection(name).filter(BulkCatchUp.class::isInstance).map(BulkCatchUp.class::cast).orElse(null);
    }

    private java.util.Optional<Projection> projection(String name) {
        return projections.stream().filter(p -> name.equals(nameOf(p))).findFirst();
    }

    /** The name of the read model's processor: its processing group. */
    static String nameOf(Projection projection) {
        ProcessingGroup group = projection.getClass().getAnnotation(ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(projection.getClass() + " names no processing group");
        }
        return group.value();
    }

    /** The global index of the newest event in the log (0 when empty). */
    public long head() {
        TrackingToken token = ledger.eventStore().createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private TrackingEventProcessor processor(String name) {
        TrackingEventProcessor processor = processors().get(name);
        if (processor == null) {
            throw Rejection.notFound("read model", name, null);
        }
        return processor;
    }

    private Map<String, TrackingEventProcessor> processors() {
        return processors(ledger);
    }

    static Map<String, TrackingEventProcessor> processors(AxonLedger ledger) {
        Map<String, TrackingEventProcessor> all = new java.util.TreeMap<>();
        ledger.configuration().eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                all.put(name, tracking);
            }
        });
        return all;
    }

    /**
     * Where the read model stands as committed in the shared token table (whichever replica holds
     * its segments: every segment reads the whole log), with this replica's view of its processor.
     */
    private Status status(String name, TrackingEventProcessor processor, long head, boolean inBulk) {
        ReaderTransactions.Tally tally = ledger.readerTransactions().of(name);
        if (inBulk) {
            // its processor is stopped while the catch-up's transaction runs; the old view is served
            return new Status(name, null, head, false, true, false, null, bulkFailures.get(name),
                    tally.transactions(), tally.events());
        }
        Map<Integer, TrackingToken> stored = storedTokens.tokens(name);
        Long position = null;
        boolean replaying = false;
        for (TrackingToken token : stored.values()) {
            long p = token == null ? 0 : token.position().orElse(0);
            position = position == null ? p : Math.min(position, p);
            replaying |= ReplayToken.isReplay(token);
        }
        String error = null;
        for (EventTrackerStatus s : processor.processingStatus().values()) {
            replaying |= s.isReplaying();
            if (s.isErrorState() && s.getError() != null) {
                error = s.getError().getClass().getSimpleName() + ": " + s.getError().getMessage();
            }
        }
        // a replay stays flagged until the first event after the reset point; level with the head it is caught up
        boolean caughtUp = position != null && position >= head && error == null;
        return new Status(name, position, head, caughtUp, replaying, processor.isRunning(), error,
                bulkFailures.get(name), tally.transactions(), tally.events());
    }
}
