package org.claimledger.linkeddata;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the read models (entity, proposition, verdict, source and claim views) for linked data, in
 * one read-only snapshot, a row at a time: a cursor of {@link #FETCH} rows (autocommit off), handed
 * on as it is read, so an export of the whole ledger holds one batch of rows and never the ledger.
 */
@ApplicationScoped
public class LedgerRows {

    /** Rows fetched per round trip while streaming. */
    static final int FETCH = 1000;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    /** Takes the rows of each read model in turn. */
    public interface Reader {
        void entity(Rows.EntityRow row) throws IOException;

        void proposition(Rows.PropositionRow row) throws IOException;

        void verdict(Rows.VerdictRow row) throws IOException;

        void source(Rows.SourceRow row) throws IOException;

        void claim(Rows.ClaimRow row) throws IOException;
    }

    @Inject
    DataSource dataSource;

    /** Reads everything in scope, in this order: entities, propositions, verdicts, sources, claims. */
    public void read(Scope scope, Reader reader) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            // one snapshot for every table: the counts of one export agree with each other
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                each(c, scope, Scope.Table.ENTITIES, "SELECT id, kind, labels, aliases, wikidata FROM entity_view",
                        rs -> reader.entity(new Rows.EntityRow(rs.getString("id"), rs.getString("kind"),
                                Json.MAPPER.readValue(rs.getString("labels"), LABELS),
                                strings(rs.getString("aliases")), rs.getString("wikidata"))));
                each(c, scope, Scope.Table.PROPOSITIONS,
                        "SELECT id, subject, predicate, label, defined_at, defined_by FROM proposition_view",
                        rs -> reader.proposition(new Rows.PropositionRow(rs.getString("id"), rs.getString("subject"),
                                rs.getString("predicate"), rs.getString("label"), Sql.instant(rs, "defined_at"),
                                rs.getString("defined_by"))));
                each(c, scope, Scope.Table.VERDICTS, """
                                SELECT proposition_id AS id, status, document -> 'explanation' AS explanation, changed_at
                                  FROM verdict_view""",
                        rs -> reader.verdict(new Rows.VerdictRow(rs.getString("id"), rs.getString("status"),
                                rs.getString("explanation") == null ? List.of() : strings(rs.getString("explanation")),
                                Sql.instant(rs, "changed_at"))));
                each(c, scope, Scope.Table.SOURCES, """
                                SELECT id, title, authors, kind, published, language, origin, derived_from, citation,
                                       registered_at, registered_by, retraction FROM source_view""",
                        rs -> reader.source(new Rows.SourceRow(rs.getString("id"), rs.getString("title"),
                                strings(rs.getString("authors")), rs.getString("kind"), rs.getString("published"),
                                rs.getString("language"), rs.getString("origin"), strings(rs.getString("derived_from")),
                                rs.getString("citation"), Sql.instant(rs, "registered_at"), rs.getString("registered_by"),
                                retraction(rs.getString("retraction")))));
                each(c, scope, Scope.Table.CLAIMS, """
                                SELECT id, source_id, proposition_id, stance, value, locator, quote, quote_language, via,
                                       withdrawn, withdrawal_reason, recorded_at, recorded_by, updated_at FROM claim_view""",
                        rs -> reader.claim(new Rows.ClaimRow(rs.getString("id"), rs.getString("source_id"),
                                rs.getString("proposition_id"), rs.getString("stance"), rs.getString("value"),
                                rs.getString("locator"), rs.getString("quote"), rs.getString("quote_language"),
                                rs.getString("via"), rs.getBoolean("withdrawn"), rs.getString("withdrawal_reason"),
                                Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"),
                                Sql.instant(rs, "updated_at"))));
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the read models could not be read for linked data", e);
        }
    }

    private interface RowHandler {
        void take(ResultSet rs) throws SQLException, IOException;
    }

    private static void each(Connection c, Scope scope, Scope.Table table, String select, RowHandler handler)
            throws SQLException, IOException {
        String where = scope.where(table);
        if (where == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE " + where + " ORDER BY id")) {
            ps.setFetchSize(FETCH);
            if (where.contains("?")) {
                ps.setString(1, scope.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.take(rs);
                }
            }
        }
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rows.Retraction retraction(String json) {
        if (json == null) {
            return null;
        }
        JsonNode r = Json.tree(json);
        if (r == null || r.isNull()) {
            return null;
        }
        String at = r.path("recordedAt").asText(null);
        return new Rows.Retraction(r.path("reason").asText(null), r.path("date").asText(null),
                r.path("recordedBy").asText(null), at == null ? null : java.time.Instant.parse(at));
    }

    /** Collects rows in memory: for one resource's own document, never for an export. */
    static final class Collected implements Reader {
        final List<Rows.EntityRow> entities = new ArrayList<>();
        final List<Rows.PropositionRow> propositions = new ArrayList<>();
        final List<Rows.VerdictRow> verdicts = new ArrayList<>();
        final List<Rows.SourceRow> sources = new ArrayList<>();
        final List<Rows.ClaimRow> claims = new ArrayList<>();

        public void entity(Rows.EntityRow row) {
            entities.add(row);
        }

        public void proposition(Rows.PropositionRow row) {
            propositions.add(row);
        }

        public void verdict(Rows.VerdictRow row) {
            verdicts.add(row);
        }

        public void source(Rows.SourceRow row) {
            sources.add(row);
        }

        public void claim(Rows.ClaimRow row) {
            claims.add(row);
        }
    }
}
