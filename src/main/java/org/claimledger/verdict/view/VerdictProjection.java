package org.claimledger.verdict.view;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.common.Folding;
import org.claimledger.common.PinnedName;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.readmodel.BulkCatchUp;
import org.claimledger.readmodel.CommittedPositions;
import org.claimledger.readmodel.Projection;
import org.claimledger.source.SourceEvent;
import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;
import org.claimledger.stream.UpdateData;
import org.claimledger.stream.UpdateSignal;
import org.claimledger.stream.UpdateType;
import org.claimledger.stream.VerdictNews;
import org.claimledger.verdict.Dossier;
import org.claimledger.verdict.SourceGraph;
import org.claimledger.verdict.Status;
import org.claimledger.verdict.Verdict;
import org.claimledger.verdict.Witness;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps every proposition's verdict current and the history of its status changes, and announces
 * each status change to the update feed ({@link VerdictNews}: the feed has its own reader of the
 * log, ADR 11, and takes only these from here). The deciding is the {@link Dossier}'s, the one fold of the verdicts' events: this read
 * model keeps a dossier as its working copy (every source, the most recently used propositions),
 * hands it each event, and writes down what moved. Its tables are the dossier's archive: what the
 * dossier lets go of, or has not read since a restart, it reads back from them.
 *
 * <p>Writes go through {@link BatchedWrites}: a proposition's verdict once per batch however often it
 * moved within it, each status change at the event that made it. Only this processor writes these
 * tables, so the copy stays true; it is dropped whenever a batch rolls back, the read model is
 * reset, or another replica moved the model on.
 *
 * <p>A rebuild, or a catch-up on many events ({@link BulkCatchUp}), goes further: all of them in one
 * transaction, each proposition's verdict written once at the end (or when the working copy must
 * let it go).
 */
@Singleton
@ProcessingGroup(VerdictProjection.NAME)
public class VerdictProjection implements Projection, BatchedWrites.Batch, BulkCatchUp {

    public static final String NAME = "verdicts";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(VerdictProjection.class);

    /** The event that moved a verdict: when it was recorded, where it stands in the log, what it was, about which source. */
    record Cause(Instant at, long position, String type, String eventId, String sourceId) {
        static Cause of(EventMessage<?> message, TrackingToken token) {
            PinnedName name = message.getPayloadType().getAnnotation(PinnedName.class);
            Object payload = message.getPayload();
            return new Cause(message.getTimestamp(), token == null ? -1 : token.position().orElse(-1),
                    name == null ? message.getPayloadType().getSimpleName() : name.value(), message.getIdentifier(),
                    payload instanceof SourceEvent s ? s.sourceId() : null);
        }
    }

    private final Sql sql;
    private final BatchedWrites writes;
    private final Counter decisions;
    private final Counter handedOver;
    private final UpdateSignal signal;
    private final CommittedPositions positions;
    private final long cacheBytes;
    private final long bulkCacheBytes;
    /** From this many verdicts due at once (the end of a rebuild), they are told on every core. */
    private final int parallelFrom;
    private boolean inBulk;

    /** The working copy (see above), touched only by this processor's thread; null until needed. */
    private Dossier dossier;
    /** Propositions whose verdict moved in this batch and is not written yet: the event of its last move. */
    private final Map<String, Cause> unwritten = new LinkedHashMap<>();
    /** Sources whose row is due: each written once per batch, whole (a batched insert cannot touch a row twice). */
    private final Set<String> unwrittenSources = new java.util.TreeSet<>();
    /** How many status changes each held proposition has had (the history's next number). */
    private final Map<String, Integer> changes = new java.util.HashMap<>();
    private boolean newsQueued;
    /** Which events were handled before a bulk rebuild began: their verdict changes were announced then. */
    private java.util.function.LongPredicate announcedBefore = position -> false;
    /** In a rebuild: the tables were emptied, so what is not held in memory was never written. */
    private boolean emptied;
    private int batchEvents;
    private long batchStarted;
    private long committingAt;
    /** The position of the last event handled, and where the last committed batch left the model. */
    private TrackingToken reached;
    private TrackingToken left;

    @Inject
    public VerdictProjection(DataSource dataSource, MeterRegistry metrics, UpdateSignal signal,
                             CommittedPositions positions,
                             @ConfigProperty(name = "claimledger.verdicts.cache-mb", defaultValue = "256") long cacheMb,
                             @ConfigProperty(name = "claimledger.verdicts.bulk-heap-share", defaultValue = "0.4")
                             double bulkShare,
                             @ConfigProperty(name = "claimledger.verdicts.parallel-from", defaultValue = "2000")
                             int parallelFrom) {
        this.parallelFrom = parallelFrom;
        this.sql = new Sql(dataSource);
        this.writes = new BatchedWrites(dataSource, this);
        this.signal = signal;
        this.positions = positions;
        this.cacheBytes = cacheMb * 1024 * 1024;
        // a catch-up in bulk touches propositions all over the log: a working copy too small for it
        // reads one back from the tables for nearly every claim (found at 1M claims)
        this.bulkCacheBytes = Math.max(cacheBytes, (long) (Runtime.getRuntime().maxMemory() * bulkShare));
        this.decisions = Counter.builder("claimledger.verdicts.decided")
                .description("Verdicts that moved, decided by the verdict read model").register(metrics);
        this.handedOver = Counter.builder("claimledger.verdicts.handed.over")
                .description("Times the verdicts came back after another replica moved them on (working copy dropped)")
                .register(metrics);
    }

    /** Every event of the families the verdicts read, and every other (only where the log stands matters then). */
    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        resume(token);
        if (Dossier.reads(event)) {
            Cause cause = Cause.of(message, token);
            Dossier d = dossier();
            if (event instanceof ClaimEvent claim) {
                claim.accept(claimRows);
            }
            d.apply(event);
            boolean announce = !org.axonframework.eventhandling.ReplayToken.isReplay(token)
                    && !announcedBefore.test(cause.position());
            for (Dossier.Moved moved : d.decide()) {
                decisions.increment();
                moved(moved, cause, announce);
            }
            unwrittenSources.addAll(d.takeSourcesMoved());
        }
        done();
    }

    /** A verdict moved: it is written with the batch, and a change of status is recorded (and announced). */
    private void moved(Dossier.Moved moved, Cause cause, boolean announce) {
        unwritten.put(moved.propositionId(), cause);
        if (!moved.statusChanged()) {
            return;
        }
        org.claimledger.verdict.Verdicts.Standing now = moved.now();
        PropositionDetails d = moved.of().details();
        writes.add("verdict_change", """
                INSERT INTO verdict_change (proposition_id, seq, from_status, to_status, leading_position, changed_at, position,
                                            cause_type, cause_event, cause_source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                moved.propositionId(), nextChange(moved.propositionId(), moved.from() == null), moved.from() == null ? null : moved.from().wire(),
                now.status().wire(), now.leading(), cause.at(), cause.position(), cause.type(), cause.eventId(),
                cause.sourceId());
        if (moved.from() != null && announce) {
            VerdictNews.announce(writes, new UpdateData.VerdictChanged(UpdateType.VERDICT_CHANGED, cause.position(),
                    moved.propositionId(), d.subject(), moved.from().wire(), now.status().wire(), now.leading(),
                    cause.type(), cause.sourceId(), cause.at()));
            newsQueued = true;
        }
    }

    /**
     * The number of the proposition's next status change. A proposition never decided before (just
     * defined) has none yet, and a rebuild keeps every count it has started (the table was emptied):
     * neither asks the table, whose connection a catch-up's writes behind may be holding.
     */
    private int nextChange(String propositionId, boolean first) {
        Integer seq = changes.get(propositionId);
        if (seq == null && (first || emptied)) {
            seq = 0;
        } else if (seq == null) {
            seq = sql.one("SELECT COALESCE(MAX(seq), 0) FROM verdict_change WHERE proposition_id = ?",
                    rs -> rs.getInt(1), propositionId).orElse(0);
        }
        changes.put(propositionId, seq + 1);
        return seq + 1;
    }

    /** A claim event: the verdicts' own copy of the claim, live or withdrawn (the archive the dossier reads back). */
    private final ClaimEvent.Handler<Void> claimRows = new ClaimEvent.Handler<>() {
        @Override
        public Void recorded(ClaimEvent.ClaimRecorded e) {
            ClaimContent c = e.content();
            // a claim is recorded once, as its stream's first event: its row is new (COPY in a catch-up in bulk)
            writes.load("verdict_claim", "id, proposition_id, source_id, stance, value, live", """
                    INSERT INTO verdict_claim (id, proposition_id, source_id, stance, value, live) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET stance = excluded.stance, value = excluded.value, live = TRUE""",
                    e.claimId(), c.propositionId(), e.sourceId(), c.stance().wire(), Json.doc(c.value()), true);
            return null;
        }

        @Override
        public Void revised(ClaimEvent.ClaimRevised e) {
            ClaimContent c = e.content();
            writes.add("verdict_claim", "UPDATE verdict_claim SET stance = ?, value = ? WHERE id = ?",
                    c.stance().wire(), Json.doc(c.value()), e.claimId());
            return null;
        }

        @Override
        public Void withdrawn(ClaimEvent.ClaimWithdrawn e) {
            writes.add("verdict_claim", "UPDATE verdict_claim SET live = FALSE WHERE id = ?", e.claimId());
            return null;
        }
    };

    /** A verdict depends on the whole graph of sources, in the log's order: one segment. */
    @Override
    public boolean splitByAggregate() {
        return false;
    }

    /**
     * At the first event of a batch: if the position stored for this read model is not where this
     * process left it, another replica has handled events meanwhile (it held the segment), and
     * the working copy is no longer true: drop it. Then notes the event's position.
     */
    private void resume(TrackingToken token) {
        if (batchEvents == 0 && CurrentUnitOfWork.isStarted()) {
            TrackingToken stored = positions.committedToken(NAME, 0);
            if (left != null && !left.equals(stored)) {
                LOG.infof("the verdicts moved on elsewhere (from %s to %s): working copy dropped", left, stored);
                handedOver.increment();
                forget();
            }
        }
        reached = token;
    }

    @ResetHandler
    void reset() {
        writes.discard();
        forget();
        sql.update("TRUNCATE " + TABLES);
    }

    private static final String TABLES = "verdict_source, verdict_claim, verdict_view, verdict_change";

    @Override
    public void beginBulk(boolean rebuild, java.util.function.LongPredicate handledBefore) {
        writes.discard();
        forget();
        // a rebuild decides every change again; the feed heard of those it had decided before
        announcedBefore = rebuild ? handledBefore : position -> false;
        emptied = rebuild;
        inBulk = true;
        writes.hold(); // verdicts are written at the end, not at each batch's
        if (rebuild) {
            // DELETE, not TRUNCATE: readers keep the old verdicts until the rebuilt ones commit
            for (String table : TABLES.split(", ")) {
                sql.update("DELETE FROM " + table);
            }
        }
    }

    @Override
    public void flushBulk() {
        writeSources();
        evict();
        writes.flushBehind(); // while the next events are handled
    }

    @Override
    public void finishBulk() {
        committing();
        writes.flush();
    }

    @Override
    public void endBulk(boolean committed) {
        writes.release();
        announcedBefore = position -> false;
        emptied = false;
        inBulk = false;
        if (committed) {
            committed();
        } else {
            forget();
        }
    }

    @Override
    public void tidyUp() {
        // outside any transaction: VACUUM cannot run in one
        sql.update("VACUUM (ANALYZE) " + TABLES);
    }

    @Override
    public void committing() {
        committingAt = System.nanoTime();
        writeSources();
        if (unwritten.size() < parallelFrom) {
            for (Map.Entry<String, Cause> e : unwritten.entrySet()) {
                write(told(dossier.proposition(e.getKey()).orElseThrow()), e.getValue());
            }
        } else {
            // the end of a rebuild: every verdict told in full and as JSON, on every core (the
            // graph is settled; each case is told by one thread), then queued in order
            dossier.graph();
            java.util.List<Map.Entry<String, Cause>> due = java.util.List.copyOf(unwritten.entrySet());
            // the cases looked up here, on this thread: a lookup reorders the working copy
            java.util.List<Dossier.Case> cases = due.stream().map(e -> dossier.proposition(e.getKey()).orElseThrow()).toList();
            java.util.List<Told> told = cases.parallelStream().map(this::told).toList();
            for (int i = 0; i < due.size(); i++) {
                write(told.get(i), due.get(i).getValue());
            }
        }
        unwritten.clear();
    }

    /** Writes the due sources' rows whole, from the working copy. */
    private void writeSources() {
        if (unwrittenSources.isEmpty() || dossier == null) {
            unwrittenSources.clear();
            return;
        }
        Set<String> ids = Set.copyOf(unwrittenSources);
        unwrittenSources.clear();
        SourceGraph graph = dossier.graph();
        Map<String, Witness> witnesses = dossier.witnessesById();
        for (String id : ids) {
            Witness w = witnesses.get(id);
            if (w == null) {
                continue;
            }
            // one statement for new and known sources: the batch keeps a single kind of write to this table
            writes.add("verdict_source", """
                    INSERT INTO verdict_source (id, grade, origin, derived_from, published, line, weight, retraction)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET grade = excluded.grade, origin = excluded.origin,
                           derived_from = excluded.derived_from, published = excluded.published,
                           line = excluded.line, weight = excluded.weight, retraction = excluded.retraction""",
                    id, w.grade().wire(), w.origin(), Json.doc(w.derivedFrom()),
                    w.published() == null ? null : w.published().toString(), graph.lineOf(id), graph.weightOf(id),
                    w.retraction() == null ? null : Json.doc(w.retraction()));
        }
    }

    /** A verdict told in full, and as the documents its row holds. */
    private record Told(Dossier.Case of, Verdict verdict, Json.Doc document, Json.Doc summary) {
    }

    private Told told(Dossier.Case c) {
        Verdict verdict = dossier.verdictOf(c); // told in full here, once per write, not at every move
        return new Told(c, verdict, Json.doc(verdict), Json.doc(VerdictSummary.of(verdict)));
    }

    /** Writes the proposition's verdict, as decided at the event of its last change. */
    private void write(Told told, Cause cause) {
        Dossier.Case c = told.of();
        String propositionId = c.question().propositionId();
        Verdict verdict = told.verdict();
        PropositionDetails d = c.details();
        // one statement for new and known propositions: the batch keeps a single kind of write to this table
        writes.add("verdict_view", """
                INSERT INTO verdict_view (proposition_id, subject, predicate, label, search_text, value_type, cardinality,
                                          status, leading_position, live_claims, summary, document, changed_at, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (proposition_id) DO UPDATE SET status = excluded.status,
                       leading_position = excluded.leading_position, live_claims = excluded.live_claims,
                       summary = excluded.summary, document = excluded.document, changed_at = excluded.changed_at,
                       position = excluded.position""",
                propositionId, d.subject(), d.predicate(), d.label(),
                Folding.fold(propositionId + " " + d.predicate() + " " + java.util.Objects.toString(d.label(), "")),
                d.valueType().wire(), d.cardinality().wire(),
                verdict.status().wire(), verdict.leading(), c.liveClaims().size(),
                told.summary(), told.document(), cause.at(), cause.position());
    }

    @Override
    public void committed() {
        left = reached;
        if (LOG.isDebugEnabled()) {
            long now = System.nanoTime();
            LOG.debugf("batch of %d events: handled in %d ms, written and committed in %d ms", batchEvents,
                    (committingAt - batchStarted) / 1_000_000, (now - committingAt) / 1_000_000);
        }
        batchEvents = 0;
        if (newsQueued) {
            newsQueued = false;
            signal.newsCommitted();
        }
        evict();
    }

    /** Keeps the working copy within its budget, least recently used propositions first. */
    private void evict() {
        if (dossier == null) {
            return;
        }
        dossier.trim(inBulk ? bulkCacheBytes : cacheBytes, c -> {
            String id = c.question().propositionId();
            Cause cause = unwritten.remove(id);
            if (cause != null) {
                write(told(c), cause); // in a rebuild: its verdict goes now, not at the end
            }
            if (!emptied) {
                changes.remove(id); // read back from the table when next needed
            }
        });
    }

    @Override
    public void rolledBack() {
        forget();
    }

    private void forget() {
        left = null;
        batchEvents = 0;
        dossier = null;
        unwritten.clear();
        unwrittenSources.clear();
        changes.clear();
        newsQueued = false;
    }

    /** Outside a batch (a plain call) every change is written at once. */
    private void done() {
        if (batchEvents++ == 0) {
            batchStarted = System.nanoTime();
        }
        if (!writes.join()) {
            committing();
            writes.flush();
            committed();
        }
    }

    /** The working copy, read back from the tables as needed. */
    private Dossier dossier() {
        if (dossier == null) {
            dossier = new Dossier(new TablesArchive());
        }
        return dossier;
    }

    /** The verdicts' tables as the dossier's archive. */
    private final class TablesArchive implements Dossier.Archive {
        @Override
        public java.util.Collection<Witness> sources() {
            writes.flush();
            return VerdictSources.all(sql);
        }

        @Override
        public java.util.Optional<Dossier.Case> proposition(String propositionId) {
            return VerdictSources.archived(sql, propositionId);
        }

        @Override
        public Set<String> propositionsOf(String sourceId) {
            writes.flush(); // the claims of this batch must be in the table for the lookup
            return new java.util.HashSet<>(sql.list("""
                    SELECT DISTINCT proposition_id FROM verdict_claim WHERE live AND source_id = ?""",
                    rs -> rs.getString(1), sourceId));
        }
    }
}
