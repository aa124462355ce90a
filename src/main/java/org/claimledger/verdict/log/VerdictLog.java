package org.claimledger.verdict.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.claimledger.claim.Claim;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.proposition.Proposition;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.source.SourceEvent;
import org.claimledger.store.Sql;
import org.claimledger.verdict.Dossier;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdicts' way into the event log itself, for answers that must come from the truth rather
 * than a view: a proposition's dossier as recorded up to an instant (time travel), and the words of
 * claims the verdicts count. The only reader of the log outside the Axon wiring; the event kinds it
 * reads are the fold's own ({@link Dossier#READS}), never a list of its own.
 */
@ApplicationScoped
public class VerdictLog {

    static final String PROPOSITION_KINDS = inList(Dossier.kindsOf(PropositionEvent.class));
    static final String CLAIM_KINDS = inList(Dossier.kindsOf(ClaimEvent.class));
    static final String SOURCE_KINDS = inList(Dossier.kindsOf(SourceEvent.class));
    /** The claim kinds that carry a claim's words (those with a {@code content}), from the family itself. */
    static final String WORDED_KINDS = inList(java.util.Arrays.stream(ClaimEvent.class.getPermittedSubclasses())
            .filter(kind -> java.util.Arrays.stream(kind.getRecordComponents()).anyMatch(c -> c.getName().equals("content")))
            .map(kind -> kind.getAnnotation(org.claimledger.common.PinnedName.class).value()).toList());

    @Inject
    DataSource dataSource;

    @Inject
    Serializer serializer;

    /**
     * The proposition's dossier exactly as the ledger knew it at {@code asOf} (record time), folded
     * from the log: its definition, every claim event about it, every source event (lines, grades
     * and retractions span sources). Empty when the proposition was not defined by then.
     */
    public Optional<Dossier> asOf(String propositionId, Instant asOf) {
        Dossier dossier = new Dossier();
        // the kinds are constants of the code, inlined so that the log's partial indexes apply
        new Sql(dataSource).list("""
                        SELECT payload_type, payload_revision, payload::text FROM (
                            SELECT global_index, payload_type, payload_revision, payload, time_stamp FROM domain_event_entry
                             WHERE aggregate_identifier = ? AND payload_type IN (%s)
                            UNION ALL
                            SELECT global_index, payload_type, payload_revision, payload, time_stamp FROM domain_event_entry
                             WHERE payload_type IN (%s)
                               AND COALESCE(payload ->> 'propositionId', payload -> 'content' ->> 'propositionId') = ?
                            UNION ALL
                            SELECT global_index, payload_type, payload_revision, payload, time_stamp FROM domain_event_entry
                             WHERE payload_type IN (%s)
                        ) e
                         WHERE CAST(time_stamp AS timestamptz) <= ?
                         ORDER BY global_index""".formatted(PROPOSITION_KINDS, CLAIM_KINDS, SOURCE_KINDS),
                this::event, Proposition.streamId(propositionId), propositionId, asOf).forEach(dossier::apply);
        return dossier.defines(propositionId) ? Optional.of(dossier) : Optional.empty();
    }

    /**
     * The claims' words as last recorded or revised, read from their own streams: for a page that
     * must show a claim the verdicts already count before the claim view has caught up with it.
     */
    public Map<String, ClaimEvent> claimsAsRecorded(Collection<String> claimIds) {
        List<String> streams = claimIds.stream().map(Claim::streamId).toList();
        return new Sql(dataSource).byKey("""
                        SELECT payload_type, payload_revision, payload::text FROM domain_event_entry
                         WHERE aggregate_identifier = ANY(?) AND payload_type IN (%s)
                         ORDER BY global_index""".formatted(WORDED_KINDS),
                rs -> (ClaimEvent) event(rs), ClaimEvent::claimId, streams);
    }

    /** The event a row of the log holds (columns: payload type, revision, payload as text). */
    private Object event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return serializer.deserialize(new SimpleSerializedObject<>(rs.getString(3), String.class,
                new SimpleSerializedType(rs.getString(1), rs.getString(2))));
    }

    static String inList(List<String> kinds) {
        // pinned names are Java identifiers (PinnedName), so quoting them needs no escaping
        return kinds.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
    }
}
