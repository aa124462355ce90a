package org.claimledger.verdict.view;

import com.fasterxml.jackson.core.type.TypeReference;
import org.claimledger.claim.Stance;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.common.ValueType;
import org.claimledger.proposition.Cardinality;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.source.Grade;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;
import org.claimledger.verdict.Dossier;
import org.claimledger.verdict.Question;
import org.claimledger.verdict.Retraction;
import org.claimledger.verdict.Status;
import org.claimledger.verdict.Testimony;
import org.claimledger.verdict.Witness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the dossier back out of the verdict processor's own tables (its archive). */
final class VerdictSources {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private VerdictSources() {
    }

    /** Every source, in id order. */
    static List<Witness> all(Sql sql) {
        return sql.list("SELECT * FROM verdict_source ORDER BY id", VerdictSources::witness);
    }

    /** A proposition as last written: its question, its live claims, its verdict's status. */
    static Optional<Dossier.Case> archived(Sql sql, String propositionId) {
        return sql.one("""
                        SELECT value_type, cardinality, status, subject, predicate, label
                          FROM verdict_view WHERE proposition_id = ?""",
                rs -> {
                    ValueType type = ValueType.fromWire(rs.getString(1));
                    Cardinality cardinality = Cardinality.fromWire(rs.getString(2));
                    return Dossier.Case.archived(new Question(propositionId, type, cardinality),
                            new PropositionDetails(rs.getString(4), rs.getString(5), type, cardinality, rs.getString(6)),
                            testimonies(sql, propositionId), Status.fromWire(rs.getString(3)));
                }, propositionId);
    }

    /**
     * A dossier of the given propositions only, read from the tables: their cases, and every source
     * of every line testifying on them (lines and weights come out as from all sources).
     */
    static Dossier dossierOf(Sql sql, Collection<String> propositionIds) {
        return new Dossier(new Dossier.Archive() {
            @Override
            public Collection<Witness> sources() {
                String[] ids = propositionIds.toArray(String[]::new);
                return sql.list("""
                        SELECT * FROM verdict_source WHERE line IN (
                            SELECT s.line FROM verdict_source s JOIN verdict_claim c ON c.source_id = s.id
                             WHERE c.live AND c.proposition_id = ANY(?))
                         ORDER BY id""", VerdictSources::witness, (Object) ids);
            }

            @Override
            public Optional<Dossier.Case> proposition(String propositionId) {
                return propositionIds.contains(propositionId) ? archived(sql, propositionId) : Optional.empty();
            }

            @Override
            public Set<String> propositionsOf(String sourceId) {
                return Set.of();
            }
        });
    }

    /** A proposition's live claims, in claim id order. */
    static List<Testimony> testimonies(Sql sql, String propositionId) {
        return sql.list("""
                        SELECT id, source_id, stance, value::text FROM verdict_claim
                         WHERE proposition_id = ? AND live ORDER BY id""",
                rs -> new Testimony(rs.getString(1), rs.getString(2), Stance.fromWire(rs.getString(3)),
                        Json.MAPPER.convertValue(Json.tree(rs.getString(4)), Value.class)), propositionId);
    }

    static Witness witness(ResultSet rs) throws SQLException {
        String published = rs.getString("published");
        String retraction = rs.getString("retraction");
        return new Witness(rs.getString("id"), Grade.fromWire(rs.getString("grade")), rs.getString("origin"),
                Json.MAPPER.convertValue(Json.tree(rs.getString("derived_from")), STRINGS),
                published == null ? null : PartialDate.parse(published),
                retraction == null ? null : Json.MAPPER.convertValue(Json.tree(retraction), Retraction.class));
    }
}
