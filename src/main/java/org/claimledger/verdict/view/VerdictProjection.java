package org.claimledger.verdict.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.claimledger.axon.Projection;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent.ClaimRecorded;
import org.claimledger.claim.ClaimEvent.ClaimRevised;
import org.claimledger.claim.ClaimEvent.ClaimWithdrawn;
import org.claimledger.common.Folding;
import org.claimledger.common.PinnedName;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.proposition.PropositionEvent.PropositionDefined;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceEvent.SourceAssessed;
import org.claimledger.source.SourceEvent.SourceRegistered;
import org.claimledger.source.SourceEvent.SourceRevised;
import org.claimledger.store.Json;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps every proposition's verdict current, and the history of its status changes. Re-decides a
 * proposition on every event that can change its verdict: a claim about it recorded, revised or
 * withdrawn; a source assessed, or its origin or derivation changed, when that source's line of
 * testimony or weight changes for a proposition it (or its line) testifies on. Nothing else.
 */
@Singleton
@ProcessingGroup(VerdictProjection.NAME)
public class VerdictProjection implements Projection {

    public static final String NAME = "verdicts";

    /** The event that moved a verdict: when it was recorded, where it stands in the log, what it was. */
    record Cause(Instant at, long position, String type, String eventId) {
        static Cause of(EventMessage<?> message, TrackingToken token) {
            PinnedName name = message.getPayloadType().getAnnotation(PinnedName.class);
            return new Cause(message.getTimestamp(), token == null ? -1 : token.position().orElse(-1),
                    name == null ? message.getPayloadType().getSimpleName() : name.value(), message.getIdentifier());
        }
    }

    private final Sql sql;
    private final Counter decisions;
    private final UpdateSignal signal;
    /** The next seq for updates of the event being handled (one event at a time on this processor). */
    private int nextSeq;
    private long seqPosition = -1;

    @Inject
    public VerdictProjection(DataSource dataSource, MeterRegistry metrics, UpdateSignal signal) {
        this.sql = new Sql(dataSource);
        this.signal = signal;
        this.decisions = Counter.builder("claimledger.verdicts.decided")
                .description("Propositions re-decided by the verdict read model").register(metrics);
    }

    @EventHandler
    void on(PropositionDefined event, EventMessage<?> message, TrackingToken token) {
        Cause cause = Cause.of(message, token);
        PropositionDetails d = event.details();
        Question question = new Question(event.propositionId(), d.valueType(), d.cardinality());
        Verdict verdict = Verdicts.decide(question, List.of(), SourceGraph.of(List.of()));
        int inserted = sql.update("""
                INSERT INTO verdict_view (proposition_id, subject, predicate, label, search_text, value_type, cardinality,
                                          status, leading_position, live_claims, summary, document, changed_at, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT (proposition_id) DO NOTHING""",
                event.propositionId(), d.subject(), d.predicate(), d.label(),
                Folding.fold(event.propositionId() + " " + d.predicate() + " " + Objects.toString(d.label(), "")),
                d.valueType().wire(), d.cardinality().wire(), verdict.status().wire(), null,
                Json.doc(VerdictSummary.of(verdict)), Json.doc(verdict), cause.at(), cause.position());
        if (inserted == 1) {
            recordChange(event.propositionId(), null, verdict, cause);
        }
    }

    @EventHandler
    void on(ClaimRecorded event, EventMessage<?> message, TrackingToken token) {
        ClaimContent c = event.content();
        sql.update("""
                INSERT INTO verdict_claim (id, proposition_id, source_id, stance, value, live) VALUES (?, ?, ?, ?, ?, TRUE)
                ON CONFLICT (id) DO UPDATE SET stance = excluded.stance, value = excluded.value, live = TRUE""",
                event.claimId(), c.propositionId(), event.sourceId(), c.stance().wire(), Json.doc(c.value()));
        Cause cause = Cause.of(message, token);
        claimUpdate("claim-recorded", event.claimId(), event.sourceId(), event.propositionId(), c, null, cause);
        decide(event.propositionId(), cause);
    }

    @EventHandler
    void on(ClaimRevised event, EventMessage<?> message, TrackingToken token) {
        ClaimContent c = event.content();
        sql.update("UPDATE verdict_claim SET stance = ?, value = ? WHERE id = ?",
                c.stance().wire(), Json.doc(c.value()), event.claimId());
        Cause cause = Cause.of(message, token);
        claimUpdate("claim-revised", event.claimId(), event.sourceId(), event.propositionId(), c, event.reason(), cause);
        decide(event.propositionId(), cause);
    }

    @EventHandler
    void on(ClaimWithdrawn event, EventMessage<?> message, TrackingToken token) {
        sql.update("UPDATE verdict_claim SET live = FALSE WHERE id = ?", event.claimId());
        Cause cause = Cause.of(message, token);
        claimUpdate("claim-withdrawn", event.claimId(), event.sourceId(), event.propositionId(), null, event.reason(),
                cause);
        decide(event.propositionId(), cause);
    }

    @EventHandler
    void on(SourceRegistered event, EventMessage<?> message, TrackingToken token) {
        var d = event.details();
        sql.update("""
                INSERT INTO verdict_source (id, grade, origin, derived_from, published, line, weight)
                VALUES (?, 'F', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.sourceId(), d.origin(), Json.doc(d.derivedFrom()),
                d.published() == null ? null : d.published().toString(), event.sourceId(), Grade.F.weight());
        regraph(Cause.of(message, token));
    }

    @EventHandler
    void on(SourceRevised event, EventMessage<?> message, TrackingToken token) {
        var d = event.details();
        sql.update("UPDATE verdict_source SET origin = ?, derived_from = ?, published = ? WHERE id = ?",
                d.origin(), Json.doc(d.derivedFrom()), d.published() == null ? null : d.published().toString(),
                event.sourceId());
        regraph(Cause.of(message, token));
    }

    @EventHandler
    void on(SourceAssessed event, EventMessage<?> message, TrackingToken token) {
        sql.update("UPDATE verdict_source SET grade = ? WHERE id = ?", event.grade().wire(), event.sourceId());
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
    }

    @ResetHandler
    void reset() {
        sql.update("TRUNCATE verdict_source, verdict_claim, verdict_view, verdict_change, update_feed");
    }

    private void claimUpdate(String type, String claimId, String sourceId, String propositionId, ClaimContent content,
                             String reason, Cause cause) {
        String subject = sql.one("SELECT subject FROM verdict_view WHERE proposition_id = ?", rs -> rs.getString(1),
                propositionId).orElse(null);
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
        sql.update("""
                        INSERT INTO update_feed (position, seq, type, proposition_id, subject, source_id, recorded_at, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                cause.position(), nextSeq++, type, propositionId, subject, sourceId, cause.at(), Json.doc(data));
        if (CurrentUnitOfWork.isStarted()) {
            var unitOfWork = CurrentUnitOfWork.get().root();
            unitOfWork.afterCommit(u -> signal.updatesCommitted());
            // a batch that rolls back is handled again from its start: number its updates afresh
            unitOfWork.onRollback(u -> seqPosition = -1);
        }
    }

    /**
     * After a change to a source, recomputes every source's line and weight, and re-decides the
     * propositions on which a source whose line or weight moved (or a source of its old or new
     * line) testifies, and only those.
     */
    private void regraph(Cause cause) {
        record Placed(String line, double weight) {
        }
        Map<String, Placed> before = new HashMap<>();
        List<Witness> witnesses = VerdictSources.all(sql, (witness, line, weight) -> before.put(witness.sourceId(),
                new Placed(line, weight)));
        SourceGraph graph = SourceGraph.of(witnesses);
        Map<String, Set<String>> oldMembers = new HashMap<>();
        before.forEach((id, placed) -> oldMembers.computeIfAbsent(placed.line(), k -> new TreeSet<>()).add(id));
        Set<String> touched = new TreeSet<>();
        for (Witness w : witnesses) {
            Placed was = before.get(w.sourceId());
            String line = graph.lineOf(w.sourceId());
            double weight = graph.weightOf(w.sourceId());
            if (!was.line().equals(line) || Double.compare(was.weight(), weight) != 0) {
                sql.update("UPDATE verdict_source SET line = ?, weight = ? WHERE id = ?", line, weight, w.sourceId());
                touched.addAll(oldMembers.getOrDefault(was.line(), Set.of()));
                touched.addAll(graph.membersOf(line));
                touched.add(w.sourceId());
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        List<String> propositions = sql.list("""
                SELECT DISTINCT proposition_id FROM verdict_claim WHERE live AND source_id = ANY(?) ORDER BY 1""",
                rs -> rs.getString(1), (Object) touched.toArray(String[]::new));
        propositions.forEach(p -> decide(p, cause));
    }

    /** Re-decides one proposition; stores the verdict if it changed and the change if its status did. */
    private void decide(String propositionId, Cause cause) {
        var current = sql.one("""
                        SELECT value_type, cardinality, status, document::text, subject FROM verdict_view
                         WHERE proposition_id = ?""",
                rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)},
                propositionId);
        if (current.isEmpty()) {
            return;
        }
        decisions.increment();
        Object[] row = current.get();
        Question question = new Question(propositionId, org.claimledger.common.ValueType.fromWire((String) row[0]),
                org.claimledger.proposition.Cardinality.fromWire((String) row[1]));
        VerdictSources.Evidence evidence = VerdictSources.evidence(sql, propositionId);
        Verdict verdict = Verdicts.decide(question, evidence.testimonies(), SourceGraph.of(evidence.witnesses()));
        JsonNode stored = Json.tree((String) row[3]);
        JsonNode now = Json.tree(Json.doc(verdict).json());
        if (now.equals(stored)) {
            return;
        }
        sql.update("""
                UPDATE verdict_view SET status = ?, leading_position = ?, live_claims = ?, summary = ?, document = ?,
                       changed_at = ?, position = ? WHERE proposition_id = ?""",
                verdict.status().wire(), verdict.leading(), evidence.testimonies().size(),
                Json.doc(VerdictSummary.of(verdict)), Json.doc(verdict), cause.at(), cause.position(), propositionId);
        Status was = Status.fromWire((String) row[2]);
        if (was != verdict.status()) {
            recordChange(propositionId, was, verdict, cause);
            ObjectNode data = Json.MAPPER.createObjectNode()
                    .put("type", "verdict-changed")
                    .put("position", cause.position())
                    .put("proposition", propositionId)
                    .put("subject", (String) row[4])
                    .put("from", was.wire())
                    .put("to", verdict.status().wire())
                    .put("leading", verdict.leading())
                    .put("cause", cause.type())
                    .put("recordedAt", cause.at().toString());
            append("verdict-changed", propositionId, (String) row[4], null, data, cause);
        }
    }

    private void recordChange(String propositionId, Status from, Verdict verdict, Cause cause) {
        sql.update("""
                INSERT INTO verdict_change (proposition_id, seq, from_status, to_status, leading_position, changed_at, position,
                                            cause_type, cause_event)
                SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ? FROM verdict_change WHERE proposition_id = ?""",
                propositionId, from == null ? null : from.wire(), verdict.status().wire(), verdict.leading(),
                cause.at(), cause.position(), cause.type(), cause.eventId(), propositionId);
    }

}
