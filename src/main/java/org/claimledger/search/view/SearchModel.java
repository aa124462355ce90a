package org.claimledger.search.view;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.claimledger.claim.ClaimContent;
import org.claimledger.common.Rejection;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.entity.EntityEvent;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.readmodel.LocalReadModel;
import org.claimledger.search.Futures;
import org.claimledger.search.SearchIndex;
import org.claimledger.search.SearchRequest;
import org.claimledger.search.SearchResults;
import org.claimledger.search.Texts;
import org.claimledger.source.SourceDetails;
import org.claimledger.source.SourceEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search read model: the log's claims, sources, questions and names in a Lucene index on this
 * replica's disk ({@code claimledger.search.dir}, or {@code memory}), fed by the replica's own reader of
 * the log. Handled events are searchable when {@link #handle} returns; they are committed, with how far
 * the log was read, every few seconds.
 */
@ApplicationScoped
public class SearchModel implements LocalReadModel {

    private static final Logger LOG = Logger.getLogger(SearchModel.class);
    private static final long CATCH_UP_REFRESH = 10_000_000_000L;
    static final String NAME = "search";

    @ConfigProperty(name = "claimledger.search.dir", defaultValue = "memory")
    String dir;

    @ConfigProperty(name = "claimledger.search.commit-interval", defaultValue = "30S")
    java.time.Duration commitInterval;

    @Inject
    Statuses statuses;

    private SearchIndex index;
    private Progress progress; // how far the log was read and written into the index
    private Progress committed;
    // the last batch's claims, written on a thread of their own while the reader reads and decodes the next
    // batch; pending, the progress they bring once written
    private final java.util.concurrent.ExecutorService claimWriter = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-claims");
        t.setDaemon(true);
        return t;
    });
    private java.util.concurrent.Future<?> writing = java.util.concurrent.CompletableFuture.completedFuture(null);
    private Progress pending;
    private long lastCommit = System.nanoTime();
    private long lastRefresh = System.nanoTime();

    @PostConstruct
    void open() {
        try {
            index = openIndex();
            progress = progressOf(index.committed()).orElse(null);
            committed = progress;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // each replica its own copy; a second process on the same directory (replicas on one machine) keeps one
    // in memory. The index writer's own lock tells: a lock taken only to look would be left as a file
    private SearchIndex openIndex() throws IOException {
        if (dir.equals("memory")) {
            return SearchIndex.open(new ByteBuffersDirectory());
        }
        Path path = Path.of(dir);
        Files.createDirectories(path);
        FSDirectory fs = FSDirectory.open(path);
        try {
            return SearchIndex.open(fs);
        } catch (LockObtainFailedException e) {
            fs.close();
            LOG.warnf("the search index at %s is held by another process: this replica keeps its own in memory", path);
            return SearchIndex.open(new ByteBuffersDirectory());
        }
    }

    @PreDestroy
    synchronized void close() throws IOException {
        try {
            awaitWriting();
        } finally {
            claimWriter.shutdown();
            if (index != null) {
                index.close();
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Optional<Progress> progress() {
        try {
            awaitWriting(); // what is written: a batch that failed is not, and is read again
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "a batch of the search index failed; it is read again");
        }
        return Optional.ofNullable(progress);
    }

    @Override
    public synchronized void handle(List<Object> events, Progress after) throws IOException {
        // the batch's claims are written together at its end (on every core), each with its last text; the
        // rest is applied in the log's order meanwhile. A claim's document is made of the claim and of its
        // source and question as they stand when it is written, so writing it later gives what writing it
        // in its place and rewriting it after a revision of its source would. A withdrawal of a claim
        // still waiting marks it there: the index does not hold it yet. The claims are written aside while
        // the reader reads the next batch; the batch's progress counts once they are written.
        try {
            for (Object event : events) {
                apply(event);
            }
            awaitWriting(); // the previous batch's claims first: a claim in both keeps this batch's text
            List<Texts.ClaimText> claims = List.copyOf(waiting.values());
            java.util.Set<String> recorded = java.util.Set.copyOf(recordedNow);
            boolean knownAbsent = readAgainUntil < 0;
            pending = after;
            writing = claimWriter.submit(() -> {
                index.putClaims(claims, id -> knownAbsent && recorded.contains(id));
                return null;
            });
        } finally {
            // a throw here wrote none of this batch's claims (only the task above writes them); the previous
            // batch's failure is marked by awaitWriting
            waiting.clear();
            recordedNow.clear();
        }
        // Live, the reader settles after each write and every claim is searchable at once. While it catches
        // up, searches see its progress every 10 s, refreshed aside: a refresh flushes what every writer
        // holds into a new segment (once a second and in line, that was 70 % of a rebuild).
        if (System.nanoTime() - lastRefresh > CATCH_UP_REFRESH) {
            index.refreshAside();
            lastRefresh = System.nanoTime();
        }
        if (System.nanoTime() - lastCommit > commitInterval.toNanos()) {
            commit();
        }
    }

    /**
     * Waits for the last batch's claims to be written; then its progress counts. A batch that failed
     * (surfacing here, at the next call) is read again from the progress before it.
     */
    private void awaitWriting() throws IOException {
        try {
            Futures.await(writing, "a batch's claims were written");
        } catch (java.io.InterruptedIOException e) {
            throw e; // still being written: waited for again at the next call
        } catch (IOException | RuntimeException e) {
            if (pending != null) {
                readAgainUntil = Math.max(readAgainUntil, pending.events());
            }
            pending = null;
            writing = java.util.concurrent.CompletableFuture.completedFuture(null);
            throw e;
        }
        if (pending != null) {
            progress = pending;
            pending = null;
            if (progress.events() >= readAgainUntil) {
                readAgainUntil = -1; // read again over what the failed batch wrote, by upserts
            }
        }
    }

    @Override
    public synchronized void settle() throws IOException {
        awaitWriting();
        refresh();
    }

    @Override
    public synchronized void idle() throws IOException {
        awaitWriting();
        if (progress != null && !progress.equals(committed)) {
            commit();
        }
    }

    private void refresh() throws IOException {
        index.refresh();
        lastRefresh = System.nanoTime();
    }

    @Override
    public synchronized void clear() throws IOException {
        try {
            awaitWriting();
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "a batch failed before the search index was emptied"); // emptied all the same
        }
        index.clear();
        progress = null;
        readAgainUntil = -1;
    }

    @Override
    public synchronized void commit() throws IOException {
        awaitWriting();
        if (readAgainUntil >= 0) {
            return;
        }
        index.commit(progress == null ? Map.of()
                : Map.of("ledger", progress.ledger(), "position", progress.position(), "events", Long.toString(progress.events())));
        lastCommit = System.nanoTime();
        committed = progress;
    }

    /** Where the log stood at the last commit: what a restart would go on from. */
    synchronized Optional<Progress> durable() {
        return progressOf(index.committed());
    }

    private static Optional<Progress> progressOf(Map<String, String> kept) {
        return kept.containsKey("position")
                ? Optional.of(new Progress(kept.get("ledger"), kept.get("position"), Long.parseLong(kept.getOrDefault("events", "0"))))
                : Optional.empty();
    }

    /**
     * Runs a search on what this replica has read of the log.
     *
     * @throws org.claimledger.common.Rejection naming {@code q} when nothing searchable is left of it
     */
    public SearchResults search(SearchRequest request) {
        index.statuses(statuses.changed());
        try {
            return index.search(request);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("q", e.getMessage()); // every word dropped by the analysis
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void apply(Object event) throws IOException {
        if (event instanceof SourceEvent e) {
            e.accept(sources);
        } else if (event instanceof ClaimEvent e) {
            e.accept(claims);
        } else if (event instanceof PropositionEvent.PropositionDefined e) {
            index.putSubject(e.propositionId(), e.details().subject());
        } else if (event instanceof EntityEvent.EntityDefined e) {
            LinkedHashSet<String> names = new LinkedHashSet<>(e.details().labels().values());
            names.addAll(e.details().aliases());
            index.putNames(new Texts.EntityNames(e.entityId(), new ArrayList<>(names)));
        }
    }

    private static Texts.SourceText text(String id, SourceDetails d, boolean retracted) {
        return new Texts.SourceText(id, d.title(), d.authors(), d.language(), d.kind() == null ? null : d.kind().wire(),
                d.origin(), d.published(), retracted);
    }

    private static Texts.ClaimText text(String id, String sourceId, ClaimContent c) {
        return new Texts.ClaimText(id, sourceId, c.propositionId(), c.quote(), c.quoteLanguage(), c.translation(),
                c.note(), false);
    }

    // a retraction outlives revisions of the source; grades are not searched
    private final SourceEvent.Handler<Void> sources = new SourceEvent.Handler<>() {
        @Override
        public Void registered(SourceEvent.SourceRegistered e) {
            return io(() -> index.putSource(text(e.sourceId(), e.details(), false)));
        }

        @Override
        public Void revised(SourceEvent.SourceRevised e) {
            return io(() -> index.putSource(text(e.sourceId(), e.details(), index.retracted(e.sourceId()))));
        }

        @Override
        public Void assessed(SourceEvent.SourceAssessed e) {
            return null;
        }

        @Override
        public Void retracted(SourceEvent.SourceRetracted e) {
            return io(() -> index.retractSource(e.sourceId(), true));
        }

        @Override
        public Void reinstated(SourceEvent.SourceReinstated e) {
            return io(() -> index.retractSource(e.sourceId(), false));
        }
    };

    // the batch's claims, each with its last text, until handle writes them at the batch's end
    private final Map<String, Texts.ClaimText> waiting = new LinkedHashMap<>();
    // A claim recorded in this batch is not in the index, so it is added without a delete (SearchIndex.putClaims),
    // as long as the index holds exactly what was read before the batch: so from an open (the last commit,
    // read on from there) or a clear. A failed batch may be partly written and is read again over what it
    // wrote: until the log has been read past its end, claims are upserted and nothing is committed (a
    // restart then reads it again from the commit before it, which does not hold it).
    private final java.util.Set<String> recordedNow = new java.util.HashSet<>();
    private long readAgainUntil = -1;

    private final ClaimEvent.Handler<Void> claims = new ClaimEvent.Handler<>() {
        @Override
        public Void recorded(ClaimEvent.ClaimRecorded e) {
            waiting.put(e.claimId(), text(e.claimId(), e.sourceId(), e.content()));
            recordedNow.add(e.claimId());
            return null;
        }

        @Override
        public Void revised(ClaimEvent.ClaimRevised e) {
            waiting.put(e.claimId(), text(e.claimId(), e.sourceId(), e.content()));
            return null;
        }

        @Override
        public Void withdrawn(ClaimEvent.ClaimWithdrawn e) {
            Texts.ClaimText still = waiting.get(e.claimId());
            if (still != null) {
                waiting.put(e.claimId(), still.withdrawn(true));
                return null;
            }
            return io(() -> {
                awaitWriting(); // it may be in the batch being written
                index.withdrawClaim(e.claimId(), true);
            });
        }
    };

    private interface Write {
        void run() throws IOException;
    }

    private static Void io(Write write) {
        try {
            write.run();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
