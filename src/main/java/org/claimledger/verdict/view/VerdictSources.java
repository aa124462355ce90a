package org.claimledger.verdict.view;

import com.fasterxml.jackson.core.type.TypeReference;
import org.claimledger.claim.Stance;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.source.Grade;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;
import org.claimledger.verdict.Testimony;
import org.claimledger.verdict.Witness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads what a verdict is decided from out of the verdict processor's own tables. */
final class VerdictSources {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    interface Placement {
        void placed(Witness witness, String line, double weight);
    }

    private VerdictSources() {
    }

    static List<Witness> all(Sql sql, Placement placement) {
        return sql.list("SELECT * FROM verdict_source ORDER BY id", rs -> {
            Witness w = witness(rs);
            placement.placed(w, rs.getString("line"), rs.getDouble("weight"));
            return w;
        });
    }

    /** A proposition's live claims, and every source of every line testifying on it. */
    record Evidence(List<Testimony> testimonies, List<Witness> witnesses) {
    }

    static Evidence evidence(Sql sql, String propositionId) {
        List<Testimony> testimonies = testimonies(sql, propositionId);
        String[] sources = testimonies.stream().map(Testimony::sourceId).distinct().toArray(String[]::new);
        List<Witness> witnesses = sql.list("""
                SELECT * FROM verdict_source WHERE line IN (SELECT line FROM verdict_source WHERE id = ANY(?))
                 ORDER BY id""", VerdictSources::witness, (Object) sources);
        return new Evidence(testimonies, witnesses);
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
        return new Witness(rs.getString("id"), Grade.fromWire(rs.getString("grade")), rs.getString("origin"),
                Json.MAPPER.convertValue(Json.tree(rs.getString("derived_from")), STRINGS),
                published == null ? null : PartialDate.parse(published));
    }
}
