package org.claimledger.verdict.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.claimledger.axon.BulkCatchUp;
import org.claimledger.axon.Projection;
import org.claimledger.axon.StoredTokens;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent.ClaimRecorded;
import org.claimledger.claim.ClaimEvent.ClaimRevised;
import org.claimledger.claim.ClaimEvent.ClaimWithdrawn;
import org.claimledger.common.Folding;
import org.claimledger.common.PinnedName;
import org.claimledger.common.ValueType;
import org.claimledger.proposition.Cardinality;
import org.claimledger.verdict.Testimony;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.proposition.PropositionEvent.PropositionDefined;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceEvent.SourceAssessed;
import org.claimledger.source.SourceEvent.SourceRegistered;
import org.claimledger.source.SourceEvent.SourceRevised;
import org.claimledger.store.Json;
import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Sql;
import org.claimledger.stream.Cursor;
import org.claimledger.stream.UpdateSignal;
import org.claimledger.verdict.Question;
import org.claimledger.verdict.SourceGraph;
import org.claimledger.verdict.Status;
import org.claimledger.verdict.Verdict;
import org.claimledger.verdict.Verdicts;
import org.claimledger.verdict.Witness;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps every proposition's verdict current, and the history of its status changes. Re-decides a
 * proposition on every event that can change its verdict: a claim about it recorded, revised or
 * withdrawn; a source assessed, or its origin or derivation changed, when that source's line of
 * testimony or weight changes, for the propositions it testifies on. Nothing else.
 *
 * <p>Why it is fast: it decides from a working copy of its own tables held in memory (every source,
 * and the most recently used propositions with their live claims), so an event costs no reads;
 * and it writes through {@link BatchedWrites}, a proposition's verdict once per batch of events
 * however often it moved within it. Each status change is still recorded at the event that made
 * it. Only this processor writes these tables, so the copy stays true; it is dropped whenever a
 * batch rolls back or the read model is reset, and read back as needed.
 *
 * <p>A rebuild, or a catch-up on many events ({@link BulkCatchUp}), goes further: all of them in
 * one transaction, each proposition's verdict written once at the end (or when the working copy
 * must let it go).
 */
@Singleton
@ProcessingGroup(VerdictProjection.NAME)
public class VerdictProjection implements Projection, BatchedWrites.Batch, BulkCatchUp {

    public static final String NAME = "verdicts";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(VerdictProjection.class);

    /** The event that moved a verdict: when it was recorded, where it stands in the log, what it was. */
    record Cause(Instant at, long position, String type, String eventId) {
        static Cause of(EventMessage<?> message, TrackingToken token) {
            PinnedName name = message.getPayloadType().getAnnotation(PinnedName.class);
            return new Cause(message.getTimestamp(), token == null ? -1 : token.position().orElse(-1),
                    name == null ? message.getPayloadType().getSimpleName() : name.value(), message.getIdentifier());
        }
    }

    /** What the processor knows of one proposition: its question, live claims and current verdict. */
    private static final class Docket {
        final String id;
        final Question question;
        final String subject;
        final String predicate;
        final String label;
        final TreeMap<String, Testimony> live = new TreeMap<>();
        Status status;
        /** The verdict as last decided; null when read back from the table (then {@code stored} holds it). */
        Verdict verdict;
        String stored;
        int changes;
        /** The event of the last change not yet written, or null. */
        Cause unwritten;
        long weight;
        int documentLength = 512;

        Docket(String id, Question question, String subject, String predicate, String label) {
            this.id = id;
            this.question = question;
            this.subject = subject;
            this.predicate = predicate;
            this.label = label;
        }

        boolean same(Verdict other) {
            if (verdict != null) {
                return verdict.equals(other);
            }
            return Json.tree(stored).equals(Json.tree(Json.doc(other).json()));
        }
    }

    /** Where a source stands in the table: its line of testimony and its weight. */
    private record Placed(String line, double weight) {
    }

    private final Sql sql;
    private final BatchedWrites writes;
    private final Counter decisions;
    private final Counter handedOver;
    private final UpdateSignal signal;
    private final StoredTokens storedTokens;
    private final long cacheBytes;

    // The working copy (see above), touched only by this processor's thread.
    private TreeMap<String, Witness> witnesses;
    private Map<String, Placed> placed;
    private SourceGraph graph;
    private final LinkedHashMap<String, Docket> dockets = new LinkedHashMap<>(1024, 0.75f, true);
    private final Set<Docket> unwritten = new LinkedHashSet<>();
    private final Set<String> unwrittenSources = new TreeSet<>();
    /** Per source, the propositions it testifies on; for up to 50,000 sources, then read afresh. */
    private final Map<String, Set<String>> testifiesOn = new HashMap<>();
    private static final int MAX_SOURCES_KEPT = 50_000;
    private long cachedBytes;
    private boolean updatesQueued;
    private int batchEvents;
    private long batchStarted;
    private long committingAt;
    /** Where update-stream rows go: the stream's table, or during a bulk catch-up a table of its own. */
    private String feed = FEED;
    /** The position of the last event handled, and where the last committed batch left the model. */
    private TrackingToken reached;
    private TrackingToken left;

    /** The last place taken in the update stream; null: read it from the table. */
    private Cursor streamHead;

    @Inject
    public VerdictProjection(DataSource dataSource, MeterRegistry metrics, UpdateSignal signal, StoredTokens storedTokens,
                             @ConfigProperty(name = "claimledger.verdicts.cache-mb", defaultValue = "256") long cacheMb) {
        this.sql = new Sql(dataSource);
        this.writes = new BatchedWrites(dataSource, this);
        this.signal = signal;
        this.storedTokens = storedTokens;
        this.cacheBytes = cacheMb * 1024 * 1024;
        this.decisions = Counter.builder("claimledger.verdicts.decided")
                .description("Propositions re-decided by the verdict read model").register(metrics);
        this.handedOver = Counter.builder("claimledger.verdicts.handed.over")
                .description("Times the verdicts came back after another replica moved them on (working copy dropped)")
                .register(metrics);
    }

    @EventHandler
    void on(PropositionDefined event, EventMessage<?> message, TrackingToken token) {
        resume(token);
        Cause cause = Cause.of(message, token);
        PropositionDetails d = event.details();
        Question question = new Question(event.propositionId(), d.valueType(), d.cardinality());
        Docket docket = new Docket(event.propositionId(), question, d.subject(), d.predicate(), d.label());
        docket.verdict = Verdicts.decide(question, List.of(), sources());
        docket.status = docket.verdict.status();
        // a proposition is defined once in the log, and a batch that rolls back forgets what it did;
        // its row is written with the batch (see committing), whatever else it hears by then
        remember(docket);
        docket.unwritten = cause;
        unwritten.add(docket);
        recordChange(docket, null, docket.verdict, cause);
        done();
    }

    @EventHandler
    void on(ClaimRecorded event, EventMessage<?> message, TrackingToken token) {
        resume(token);
        ClaimContent c = event.content();
        writes.add("verdict_claim", """
                INSERT INTO verdict_claim (id, proposition_id, source_id, stance, value, live) VALUES (?, ?, ?, ?, ?, TRUE)
                ON CONFLICT (id) DO UPDATE SET stance = excluded.stance, value = excluded.value, live = TRUE""",
                event.claimId(), c.propositionId(), event.sourceId(), c.stance().wire(), Json.doc(c.value()));
        Cause cause = Cause.of(message, token);
        Docket docket = docket(event.propositionId());
        Set<String> known = testifiesOn.get(event.sourceId());
        if (known != null) {
            known.add(docket == null ? c.propositionId() : docket.id); // the docket's id: one copy of the text
        }
        claimUpdate("claim-recorded", event.claimId(), event.sourceId(), event.propositionId(), docket, c, null, cause);
        if (docket != null) {
            docket.live.put(event.claimId(), new Testimony(event.claimId(), event.sourceId(), c.stance(), c.value()));
            decide(docket, cause);
        }
        done();
    }

    @EventHandler
    void on(ClaimRevised event, EventMessage<?> message, TrackingToken token) {
        resume(token);
        ClaimContent c = event.content();
        writes.add("verdict_claim", "UPDATE verdict_claim SET stance = ?, value = ? WHERE id = ?",
                c.stance().wire(), Json.doc(c.value()), event.claimId());
        Cause cause = Cause.of(message, token);
        Docket docket = docket(event.propositionId());
        claimUpdate("claim-revised", event.claimId(), event.sourceId(), event.propositionId(), docket, c,
                event.reason(), cause);
        if (docket != null) {
            docket.live.computeIfPresent(event.claimId(),
                    (id, was) -> new Testimony(id, was.sourceId(), c.stance(), c.value()));
            decide(docket, cause);
        }
        done();
    }

    @EventHandler
    void on(ClaimWithdrawn event, EventMessage<?> message, TrackingToken token) {
        resume(token);
        writes.add("verdict_claim", "UPDATE verdict_claim SET live = FALSE WHERE id = ?", event.claimId());
        Cause cause = Cause.of(message, token);
        Docket docket = docket(event.propositionId());
        claimUpdate("claim-withdrawn", event.claimId(), event.sourceId(), event.propositionId(), docket, null,
                event.reason(), cause);
        if (docket != null) {
            docket.live.remove(event.claimId());
            decide(docket, cause);
        }
        done();
    }

    @EventHandler
    void on(SourceRegistered event, EventMessage<?> message, TrackingToken token) {
        resume(token);
        var d = event.details();
        sources();
        witnesses.put(event.sourceId(), Witness.of(event.sourceId(), d, Grade.F));
        placed.put(event.sourceId(), new Placed(event.sourceId(), Grade.F.weight()));
        unwrittenSources.add(event.sourceId());
        testifiesOn.put(event.sourceId(), new HashSet<>()); // a new source has made no claims yet
        regraph(Cause.of(message, token));
        done();
    }

    @EventHandler
    void on(SourceRevised event, EventMessage<?> message, TrackingToken token) {
        resume(token);
        var d = event.details();
        sources();
        Witness was = witnesses.get(event.sourceId());
        witnesses.put(event.sourceId(), Witness.of(event.sourceId(), d, was == null ? Grade.F : was.grade()));
        unwrittenSources.add(event.sourceId());
        regraph(Cause.of(message, token));
        done();
    }

    @EventHandler
    void on(SourceAssessed event, EventMessage<?> message, TrackingToken token) {
        resume(token);
        sources();
        witnesses.computeIfPresent(event.sourceId(), (id, was) -> was.withGrade(event.grade()));
        unwrittenSources.add(event.sourceId());
        Cause cause = Cause.of(message, token);
        ObjectNode data = Json.MAPPER.createObjectNode()
                .put("type", "source-assessed")
                .put("position", cause.position())
                .put("source", event.sourceId())
                .put("grade", event.grade().wire())
                .put("rationale", event.rationale())
                .put("recordedAt", cause.at().toString());
        append("source-assessed", null, null, event.sourceId(), data, cause);
        regraph(cause);
        done();
    }

    /** A verdict depends on the whole graph of sources, in the log's order: one segment. */
    @Override
    public boolean splitByAggregate() {
        return false;
    }

    /** Every other event: only where the log stands matters here (see resume). */
    @EventHandler
    void on(Object other, TrackingToken token) {
        resume(token);
        done();
    }

    /**
     * At the first event of a batch: if the position stored for this read model is not where this
     * process left it, another replica has handled events meanwhile (it held the segment), and
     * the working copy is no longer true: drop it. Then notes the event's position.
     */
    private void resume(TrackingToken token) {
        if (batchEvents == 0 && CurrentUnitOfWork.isStarted()) {
            TrackingToken stored = storedTokens.committedToken(NAME, 0);
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

    private static final String TABLES = "verdict_source, verdict_claim, verdict_view, verdict_change, update_feed";
    private static final String FEED = "update_feed";
    private static final String BULK_FEED = "update_feed_caught_up";

    @Override
    public void beginBulk(boolean rebuild) {
        writes.discard();
        forget();
        writes.hold(); // verdicts are written at the end, not at each batch's
        if (rebuild) {
            // DELETE, not TRUNCATE: readers keep the old verdicts until the rebuilt ones commit
            for (String table : TABLES.split(", ")) {
                sql.update("DELETE FROM " + table);
            }
        }
        // The update stream's new rows wait in a table of this transaction's own until the end:
        // subscribers' polls for what follows the stream's head would otherwise step over every
        // uncommitted row of the catch-up in the stream's index, again and again.
        sql.update("CREATE TEMPORARY TABLE IF NOT EXISTS " + BULK_FEED + " (LIKE update_feed) ON COMMIT DROP");
        feed = BULK_FEED;
    }

    @Override
    public void flushBulk() {
        writeSources();
        evict();
        writes.flush();
    }

    @Override
    public void finishBulk() {
        committing();
        writes.flush();
        sql.update("INSERT INTO update_feed SELECT * FROM " + BULK_FEED + " ORDER BY position, seq ON CONFLICT DO NOTHING");
        feed = FEED;
    }

    @Override
    public void endBulk(boolean committed) {
        writes.release();
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
        for (Docket docket : unwritten) {
            write(docket);
        }
        unwritten.clear();
    }

    /** Writes each changed source's row whole, once, from the working copy. */
    private void writeSources() {
        for (String id : unwrittenSources) {
            Witness w = witnesses.get(id);
            Placed at = placed.get(id);
            // one statement for new and known sources: the batch keeps a single kind of write to this table
            writes.add("verdict_source", """
                    INSERT INTO verdict_source (id, grade, origin, derived_from, published, line, weight)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET grade = excluded.grade, origin = excluded.origin,
                           derived_from = excluded.derived_from, published = excluded.published,
                           line = excluded.line, weight = excluded.weight""",
                    id, w.grade().wire(), w.origin(), Json.doc(w.derivedFrom()),
                    w.published() == null ? null : w.published().toString(), at.line(), at.weight());
        }
        unwrittenSources.clear();
    }

    /** Writes the docket's verdict, as decided at the event of its last change. */
    private void write(Docket docket) {
        Verdict verdict = docket.verdict;
        Cause cause = docket.unwritten;
        Json.Doc document = Json.doc(verdict);
        // one statement for new and known propositions: the batch keeps a single kind of write to this table
        writes.add("verdict_view", """
                INSERT INTO verdict_view (proposition_id, subject, predicate, label, search_text, value_type, cardinality,
                                          status, leading_position, live_claims, summary, document, changed_at, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (proposition_id) DO UPDATE SET status = excluded.status,
                       leading_position = excluded.leading_position, live_claims = excluded.live_claims,
                       summary = excluded.summary, document = excluded.document, changed_at = excluded.changed_at,
                       position = excluded.position""",
                docket.id, docket.subject, docket.predicate, docket.label,
                Folding.fold(docket.id + " " + docket.predicate + " " + Objects.toString(docket.label, "")),
                docket.question.valueType().wire(), docket.question.cardinality().wire(),
                verdict.status().wire(), verdict.leading(), docket.live.size(),
                Json.doc(VerdictSummary.of(verdict)), document, cause.at(), cause.position());
        docket.unwritten = null;
        docket.documentLength = document.json().length();
        reweigh(docket);
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
        if (updatesQueued) {
            updatesQueued = false;
            signal.updatesCommitted();
        }
        evict();
    }

    /** Keeps the working copy within its budget, least recently used propositions first. */
    private void evict() {
        Iterator<Docket> oldest = dockets.values().iterator();
        while (cachedBytes > cacheBytes && oldest.hasNext()) {
            Docket docket = oldest.next();
            if (unwritten.remove(docket)) {
                write(docket); // in a rebuild: its verdict goes now, not at the end
            }
            cachedBytes -= docket.weight;
            oldest.remove();
        }
    }

    @Override
    public void rolledBack() {
        forget();
    }

    private void forget() {
        feed = FEED;
        left = null;
        batchEvents = 0;
        witnesses = null;
        placed = null;
        graph = null;
        unwrittenSources.clear();
        testifiesOn.clear();
        dockets.clear();
        unwritten.clear();
        cachedBytes = 0;
        updatesQueued = false;
        // a batch that rolls back is handled again from its start: its updates take their places afresh
        streamHead = null;
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

    /** Rough bytes held: the verdict (about twice its JSON) and each live claim. */
    private void reweigh(Docket docket) {
        cachedBytes -= docket.weight;
        docket.weight = 256 + 2L * docket.documentLength + 200L * docket.live.size();
        cachedBytes += docket.weight;
    }

    private void remember(Docket docket) {
        reweigh(docket);
        dockets.put(docket.id, docket);
    }

    /** The proposition's docket, read back from the tables when it is not held; null if unknown. */
    private Docket docket(String propositionId) {
        Docket docket = dockets.get(propositionId);
        if (docket != null) {
            return docket;
        }
        Docket read = sql.one("""
                        SELECT value_type, cardinality, status, document::text, subject, predicate, label,
                               (SELECT COALESCE(MAX(seq), 0) FROM verdict_change c WHERE c.proposition_id = v.proposition_id)
                          FROM verdict_view v WHERE proposition_id = ?""",
                rs -> {
                    Docket d = new Docket(propositionId, new Question(propositionId,
                            ValueType.fromWire(rs.getString(1)), Cardinality.fromWire(rs.getString(2))),
                            rs.getString(5), rs.getString(6), rs.getString(7));
                    d.status = Status.fromWire(rs.getString(3));
                    d.stored = rs.getString(4);
                    d.changes = rs.getInt(8);
                    return d;
                }, propositionId).orElse(null);
        if (read == null) {
            return null;
        }
        VerdictSources.testimonies(sql, propositionId).forEach(t -> read.live.put(t.claimId(), t));
        remember(read);
        return read;
    }

    /**
     * The propositions on which the source has made claims (a few withdrawn ones may linger: deciding
     * those again changes nothing), kept per source once read.
     */
    private Set<String> testifiesOn(String sourceId) {
        Set<String> known = testifiesOn.get(sourceId);
        if (known == null) {
            if (testifiesOn.size() > MAX_SOURCES_KEPT) {
                testifiesOn.clear();
            }
            writes.flush(); // the claims of this batch must be in the table for the lookup below
            known = new HashSet<>(sql.list("""
                    SELECT DISTINCT proposition_id FROM verdict_claim WHERE live AND source_id = ?""",
                    rs -> rs.getString(1), sourceId));
            testifiesOn.put(sourceId, known);
        }
        return known;
    }

    /** Every source as the rules see it, and their lines of testimony: read once, then kept. */
    private SourceGraph sources() {
        if (graph == null) {
            writes.flush();
            witnesses = new TreeMap<>();
            placed = new HashMap<>();
            VerdictSources.all(sql, (witness, line, weight) -> {
                witnesses.put(witness.sourceId(), witness);
                placed.put(witness.sourceId(), new Placed(line, weight));
            });
            graph = SourceGraph.of(witnesses);
        }
        return graph;
    }

    private void claimUpdate(String type, String claimId, String sourceId, String propositionId, Docket docket,
                             ClaimContent content, String reason, Cause cause) {
        String subject = docket == null ? null : docket.subject;
        ObjectNode data = Json.MAPPER.createObjectNode()
                .put("type", type)
                .put("position", cause.position())
                .put("proposition", propositionId)
                .put("subject", subject);
        ObjectNode claim = data.putObject("claim").put("id", claimId).put("sourceId", sourceId);
        if (content != null) {
            claim.setAll((ObjectNode) Json.MAPPER.valueToTree(content));
            claim.remove("propositionId");
        }
        if (reason != null) {
            data.put("reason", reason);
        }
        data.put("recordedAt", cause.at().toString());
        append(type, propositionId, subject, sourceId, data, cause);
    }

    /** Appends one update to the feed; subscribers hear of it once this batch has committed. */
    private void append(String type, String propositionId, String subject, String sourceId, ObjectNode data,
                        Cause cause) {
        Cursor place = place(cause);
        writes.add(feed, "INSERT INTO " + feed + """
                         (position, seq, type, proposition_id, subject, source_id, recorded_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                place.position(), place.seq(), type, propositionId, subject, sourceId, cause.at(), Json.doc(data));
        updatesQueued = true;
    }

    /**
     * The update's place in the stream: the event's position in the log, numbered 0, 1, ... for the
     * updates it causes. The stream only moves forward: an event committed after later ones (it
     * filled a gap in the log) takes the next number at the stream's head instead, so that no
     * subscriber, who follows the stream by place, steps over it. Its data still names its position.
     */
    private Cursor place(Cause cause) {
        if (streamHead == null) {
            streamHead = sql.one("SELECT position, seq FROM " + FEED + " ORDER BY position DESC, seq DESC LIMIT 1",
                    rs -> new Cursor(rs.getLong(1), rs.getInt(2))).orElse(Cursor.START);
        }
        streamHead = cause.position() > streamHead.position() ? new Cursor(cause.position(), 0)
                : new Cursor(streamHead.position(), streamHead.seq() + 1);
        return streamHead;
    }

    /**
     * After a change to a source, recomputes every source's line and weight, and re-decides the
     * propositions on which a source whose line or weight moved testifies, and only those: a
     * verdict depends on the lines and weights of the sources testifying on it, and on nothing
     * else of the sources' graph.
     */
    private void regraph(Cause cause) {
        graph = SourceGraph.of(witnesses);
        Set<String> propositions = new TreeSet<>();
        for (Witness w : witnesses.values()) {
            Placed was = placed.get(w.sourceId());
            String line = graph.lineOf(w.sourceId());
            double weight = graph.weightOf(w.sourceId());
            if (!was.line().equals(line) || Double.compare(was.weight(), weight) != 0) {
                placed.put(w.sourceId(), new Placed(line, weight));
                unwrittenSources.add(w.sourceId());
                propositions.addAll(testifiesOn(w.sourceId()));
            }
        }
        for (String id : propositions) {
            Docket docket = docket(id);
            if (docket != null) {
                decide(docket, cause);
            }
        }
    }

    /** Re-decides one proposition; keeps the verdict if it changed and records the change if its status did. */
    private void decide(Docket docket, Cause cause) {
        decisions.increment();
        Verdict verdict = Verdicts.decide(docket.question, List.copyOf(docket.live.values()), sources());
        if (docket.same(verdict)) {
            return;
        }
        docket.verdict = verdict;
        docket.stored = null;
        docket.unwritten = cause;
        unwritten.add(docket);
        reweigh(docket);
        Status was = docket.status;
        if (was != verdict.status()) {
            docket.status = verdict.status();
            recordChange(docket, was, verdict, cause);
            ObjectNode data = Json.MAPPER.createObjectNode()
                    .put("type", "verdict-changed")
                    .put("position", cause.position())
                    .put("proposition", docket.id)
                    .put("subject", docket.subject)
                    .put("from", was.wire())
                    .put("to", verdict.status().wire())
                    .put("leading", verdict.leading())
                    .put("cause", cause.type())
                    .put("recordedAt", cause.at().toString());
            append("verdict-changed", docket.id, docket.subject, null, data, cause);
        }
    }

    private void recordChange(Docket docket, Status from, Verdict verdict, Cause cause) {
        writes.add("verdict_change", """
                INSERT INTO verdict_change (proposition_id, seq, from_status, to_status, leading_position, changed_at, position,
                                            cause_type, cause_event)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                docket.id, ++docket.changes, from == null ? null : from.wire(), verdict.status().wire(),
                verdict.leading(), cause.at(), cause.position(), cause.type(), cause.eventId());
    }
}
