package org.claimledger.verdict.view;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.claimledger.axon.Projection;
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
import org.claimledger.stream.UpdateSignal;
import org.claimledger.verdict.Question;
import org.claimledger.verdict.SourceGraph;
import org.claimledger.verdict.Status;
import org.claimledger.verdict.Verdict;
import org.claimledger.verdict.Verdicts;
import org.claimledger.verdict.Witness;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 */
@Singleton
@ProcessingGroup(VerdictProjection.NAME)
public class VerdictProjection implements Projection, BatchedWrites.Batch {

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
        final TreeMap<String, Testimony> live = new TreeMap<>();
        Status status;
        /** The verdict as last decided; null when read back from the table (then {@code stored} holds it). */
        Verdict verdict;
        String stored;
        int changes;
        /** The event of the last change not yet written, or null. */
        Cause unwritten;
        long weight;

        Docket(String id, Question question, String subject) {
            this.id = id;
            this.question = question;
            this.subject = subject;
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
    private final UpdateSignal signal;
    private final long cacheBytes;

    // The working copy (see above), touched only by this processor's thread.
    private Map<String, Witness> witnesses;
    private Map<String, Placed> placed;
    private SourceGraph graph;
    private final LinkedHashMap<String, Docket> dockets = new LinkedHashMap<>(1024, 0.75f, true);
    private final Set<Docket> unwritten = new LinkedHashSet<>();
    private long cachedBytes;
    private boolean updatesQueued;
    private int batchEvents;
    private long batchStarted;
    private long committingAt;

    /** The next seq for updates of the event being handled (one event at a time on this processor). */
    private int nextSeq;
    private long seqPosition = -1;

    @Inject
    public VerdictProjection(DataSource dataSource, MeterRegistry metrics, UpdateSignal signal,
                             @ConfigProperty(name = "claimledger.verdicts.cache-mb", defaultValue = "256") long cacheMb) {
        this.sql = new Sql(dataSource);
        this.writes = new BatchedWrites(dataSource, this);
        this.signal = signal;
        this.cacheBytes = cacheMb * 1024 * 1024;
        this.decisions = Counter.builder("claimledger.verdicts.decided")
                .description("Propositions re-decided by the verdict read model").register(metrics);
    }

    @EventHandler
    void on(PropositionDefined event, EventMessage<?> message, TrackingToken token) {
        Cause cause = Cause.of(message, token);
        PropositionDetails d = event.details();
        Question question = new Question(event.propositionId(), d.valueType(), d.cardinality());
        Docket docket = new Docket(event.propositionId(), question, d.subject());
        docket.verdict = Verdicts.decide(question, List.of(), sources());
        docket.status = docket.verdict.status();
        writes.add("verdict_view", """
                INSERT INTO verdict_view (proposition_id, subject, predicate, label, search_text, value_type, cardinality,
                                          status, leading_position, live_claims, summary, document, changed_at, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT (proposition_id) DO NOTHING""",
                event.propositionId(), d.subject(), d.predicate(), d.label(),
                Folding.fold(event.propositionId() + " " + d.predicate() + " " + Objects.toString(d.label(), "")),
                d.valueType().wire(), d.cardinality().wire(), docket.status.wire(), null,
                Json.doc(VerdictSummary.of(docket.verdict)), Json.doc(docket.verdict), cause.at(), cause.position());
        // a proposition is defined once in the log, and a batch that rolls back forgets what it did
        remember(docket);
        recordChange(docket, null, docket.verdict, cause);
        done();
    }

    @EventHandler
    void on(ClaimRecorded event, EventMessage<?> message, TrackingToken token) {
        ClaimContent c = event.content();
        writes.add("verdict_claim", """
                INSERT INTO verdict_claim (id, proposition_id, source_id, stance, value, live) VALUES (?, ?, ?, ?, ?, TRUE)
                ON CONFLICT (id) DO UPDATE SET stance = excluded.stance, value = excluded.value, live = TRUE""",
                event.claimId(), c.propositionId(), event.sourceId(), c.stance().wire(), Json.doc(c.value()));
        Cause cause = Cause.of(message, token);
        Docket docket = docket(event.propositionId());
        claimUpdate("claim-recorded", event.claimId(), event.sourceId(), event.propositionId(), docket, c, null, cause);
        if (docket != null) {
            docket.live.put(event.claimId(), new Testimony(event.claimId(), event.sourceId(), c.stance(), c.value()));
            decide(docket, cause);
        }
        done();
    }

    @EventHandler
    void on(ClaimRevised event, EventMessage<?> message, TrackingToken token) {
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
        var d = event.details();
        sources();
        writes.add("verdict_source", """
                INSERT INTO verdict_source (id, grade, origin, derived_from, published, line, weight)
                VALUES (?, 'F', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.sourceId(), d.origin(), Json.doc(d.derivedFrom()),
                d.published() == null ? null : d.published().toString(), event.sourceId(), Grade.F.weight());
        witnesses.put(event.sourceId(), Witness.of(event.sourceId(), d, Grade.F));
        placed.put(event.sourceId(), new Placed(event.sourceId(), Grade.F.weight()));
        regraph(Cause.of(message, token));
        done();
    }

    @EventHandler
    void on(SourceRevised event, EventMessage<?> message, TrackingToken token) {
        var d = event.details();
        sources();
        writes.add("verdict_source", "UPDATE verdict_source SET origin = ?, derived_from = ?, published = ? WHERE id = ?",
                d.origin(), Json.doc(d.derivedFrom()), d.published() == null ? null : d.published().toString(),
                event.sourceId());
        Witness was = witnesses.get(event.sourceId());
        witnesses.put(event.sourceId(), Witness.of(event.sourceId(), d, was == null ? Grade.F : was.grade()));
        regraph(Cause.of(message, token));
        done();
    }

    @EventHandler
    void on(SourceAssessed event, EventMessage<?> message, TrackingToken token) {
        sources();
        writes.add("verdict_source", "UPDATE verdict_source SET grade = ? WHERE id = ?",
                event.grade().wire(), event.sourceId());
        witnesses.computeIfPresent(event.sourceId(), (id, was) -> was.withGrade(event.grade()));
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

    @ResetHandler
    void reset() {
        writes.discard();
        forget();
        sql.update("TRUNCATE verdict_source, verdict_claim, verdict_view, verdict_change, update_feed");
    }

    @Override
    public void committing() {
        committingAt = System.nanoTime();
        for (Docket docket : unwritten) {
            Verdict verdict = docket.verdict;
            Cause cause = docket.unwritten;
            Json.Doc document = Json.doc(verdict);
            writes.add("verdict_view", """
                    UPDATE verdict_view SET status = ?, leading_position = ?, live_claims = ?, summary = ?, document = ?,
                           changed_at = ?, position = ? WHERE proposition_id = ?""",
                    verdict.status().wire(), verdict.leading(), docket.live.size(),
                    Json.doc(VerdictSummary.of(verdict)), document, cause.at(), cause.position(), docket.id);
            docket.unwritten = null;
            cachedBytes -= docket.weight;
            docket.weight = weigh(docket, document.json().length());
            cachedBytes += docket.weight;
        }
        unwritten.clear();
    }

    @Override
    public void committed() {
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
        // keep the working copy within its budget, least recently used propositions first
        Iterator<Docket> oldest = dockets.values().iterator();
        while (cachedBytes > cacheBytes && oldest.hasNext()) {
            cachedBytes -= oldest.next().weight;
            oldest.remove();
        }
    }

    @Override
    public void rolledBack() {
        forget();
    }

    private void forget() {
        batchEvents = 0;
        witnesses = null;
        placed = null;
        graph = null;
        dockets.clear();
        unwritten.clear();
        cachedBytes = 0;
        updatesQueued = false;
        // a batch that rolls back is handled again from its start: number its updates afresh
        seqPosition = -1;
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

    private static long weigh(Docket docket, int documentLength) {
        // rough bytes held: the verdict (about twice its JSON) and each live claim
        return 256 + 2L * documentLength + 200L * docket.live.size();
    }

    private void remember(Docket docket) {
        docket.weight = weigh(docket, 512);
        cachedBytes += docket.weight;
        dockets.put(docket.id, docket);
    }

    /** The proposition's docket, read back from the tables when it is not held; null if unknown. */
    private Docket docket(String propositionId) {
        Docket docket = dockets.get(propositionId);
        if (docket != null) {
            return docket;
        }
        Docket read = sql.one("""
                        SELECT value_type, cardinality, status, document::text, subject,
                               (SELECT COALESCE(MAX(seq), 0) FROM verdict_change c WHERE c.proposition_id = v.proposition_id)
                          FROM verdict_view v WHERE proposition_id = ?""",
                rs -> {
                    Docket d = new Docket(propositionId, new Question(propositionId,
                            ValueType.fromWire(rs.getString(1)), Cardinality.fromWire(rs.getString(2))),
                            rs.getString(5));
                    d.status = Status.fromWire(rs.getString(3));
                    d.stored = rs.getString(4);
                    d.changes = rs.getInt(6);
                    return d;
                }, propositionId).orElse(null);
        if (read == null) {
            return null;
        }
        VerdictSources.testimonies(sql, propositionId).forEach(t -> read.live.put(t.claimId(), t));
        remember(read);
        return read;
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
            graph = SourceGraph.of(witnesses.values());
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
        if (cause.position() != seqPosition) {
            seqPosition = cause.position();
            nextSeq = 0;
        }
        writes.add("update_feed", """
                        INSERT INTO update_feed (position, seq, type, proposition_id, subject, source_id, recorded_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                cause.position(), nextSeq++, type, propositionId, subject, sourceId, cause.at(), Json.doc(data));
        updatesQueued = true;
    }

    /**
     * After a change to a source, recomputes every source's line and weight, and re-decides the
     * propositions on which a source whose line or weight moved testifies, and only those: a
     * verdict depends on the lines and weights of the sources testifying on it, and on nothing
     * else of the sources' graph.
     */
    private void regraph(Cause cause) {
        graph = SourceGraph.of(witnesses.values());
        Set<String> touched = new TreeSet<>();
        for (Witness w : witnesses.values()) {
            Placed was = placed.get(w.sourceId());
            String line = graph.lineOf(w.sourceId());
            double weight = graph.weightOf(w.sourceId());
            if (!was.line().equals(line) || Double.compare(was.weight(), weight) != 0) {
                writes.add("verdict_source", "UPDATE verdict_source SET line = ?, weight = ? WHERE id = ?",
                        line, weight, w.sourceId());
                placed.put(w.sourceId(), new Placed(line, weight));
                touched.add(w.sourceId());
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        writes.flush(); // the claims of this batch must be in the table for the lookup below
        List<String> propositions = sql.list("""
                SELECT DISTINCT proposition_id FROM verdict_claim WHERE live AND source_id = ANY(?) ORDER BY 1""",
                rs -> rs.getString(1), (Object) touched.toArray(String[]::new));
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
