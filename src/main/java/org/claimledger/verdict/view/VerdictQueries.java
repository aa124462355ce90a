package org.claimledger.verdict.view;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.axon.EventLog;
import org.claimledger.common.Folding;
import org.claimledger.common.Rejection;
import org.claimledger.common.ValueType;
import org.claimledger.proposition.Cardinality;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;
import org.claimledger.verdict.Dossier;
import org.claimledger.verdict.Question;
import org.claimledger.verdict.Testimony;
import org.claimledger.verdict.Verdict;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads verdicts: current, in the past (record time), as historiography stood (source time), in pages. */
@ApplicationScoped
public class VerdictQueries {

    /** The stored verdict of a proposition, and when and by which position in the log it last changed. */
    public record Current(JsonNode verdict, Instant changedAt, long position) {
    }

    /** A proposition in a list: the question, its verdict in brief. */
    public record Summary(String id, String subject, String label, String status, String leading, int liveClaims,
                          Instant changedAt, long position, JsonNode positions) {
    }

    /** A page of summaries and the cursor of the next page (null on the last). */
    public record Page(List<Summary> items, String next) {
    }

    /** A change of status: from, to, when, and the event that caused it. */
    public record Change(int seq, String from, String to, String leading, Instant at, long position,
                         String causeType, String causeEvent) {
    }

    private final Sql sql;

    @Inject
    EventLog eventLog;

    @Inject
    public VerdictQueries(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    public Optional<Current> current(String propositionId) {
        return sql.one("SELECT document::text, changed_at, position FROM verdict_view WHERE proposition_id = ?",
                rs -> new Current(Json.tree(rs.getString(1)), Sql.instant(rs, "changed_at"), rs.getLong(3)),
                propositionId);
    }

    /** The verdict from sources published up to {@code year}, decided now from the verdict tables. */
    public Optional<Verdict> publishedBefore(String propositionId, int year) {
        return question(propositionId).map(question -> {
            VerdictSources.Evidence evidence = VerdictSources.evidence(sql, propositionId);
            Dossier dossier = new Dossier(question).witnesses(evidence.witnesses());
            evidence.testimonies().forEach(dossier::claim);
            return dossier.verdict(year);
        });
    }

    /**
     * The verdict exactly as the ledger would have given it at {@code asOf}: decided from the events
     * recorded up to then, read from the event log. Empty when the proposition was not yet defined.
     */
    public Optional<Dossier> asOf(String propositionId, Instant asOf) {
        Dossier dossier = new Dossier(propositionId);
        eventLog.verdictHistory(propositionId, asOf).forEach(dossier::apply);
        return dossier.defined() ? Optional.of(dossier) : Optional.empty();
    }

    public List<Change> history(String propositionId) {
        return sql.list("""
                        SELECT seq, from_status, to_status, leading_position, changed_at, position, cause_type, cause_event
                          FROM verdict_change WHERE proposition_id = ? ORDER BY seq""",
                rs -> new Change(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.instant(rs, "changed_at"), rs.getLong(6), rs.getString(7), rs.getString(8)),
                propositionId);
    }

    /**
     * Propositions by id, filtered by status, subject and text (case and diacritics ignored), a page
     * at a time: each page is one indexed range scan, whatever the size of the ledger.
     */
    public Page list(String status, String subject, String q, int limit, String cursor) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status);
        }
        if (subject != null) {
            where.append(" AND subject = ?");
            args.add(subject);
        }
        if (q != null) {
            where.append(" AND search_text LIKE ?");
            args.add("%" + likeEscaped(Folding.fold(q)) + "%");
        }
        if (cursor != null) {
            where.append(" AND proposition_id > ?");
            args.add(decode(cursor));
        }
        args.add(limit + 1);
        List<Summary> rows = sql.list("SELECT * FROM verdict_view WHERE " + where
                + " ORDER BY proposition_id LIMIT ?", VerdictQueries::summary, args.toArray());
        return page(rows, limit, s -> s.id());
    }

    /** Contested propositions, the most recently changed first. */
    public Page disputes(int limit, String cursor) {
        List<Object> args = new ArrayList<>();
        String after = "";
        if (cursor != null) {
            String[] key = decode(cursor).split(":", 2);
            if (key.length != 2 || !key[0].matches("\\d{1,18}")) {
                throw Rejection.invalid("cursor", "is not a cursor this list gave out");
            }
            after = " AND (position, proposition_id) < (?, ?)";
            args.add(Long.parseLong(key[0]));
            args.add(key[1]);
        }
        args.add(limit + 1);
        List<Summary> rows = sql.list("SELECT * FROM verdict_view WHERE status = 'contested'" + after
                + " ORDER BY position DESC, proposition_id DESC LIMIT ?", VerdictQueries::summary, args.toArray());
        return page(rows, limit, s -> s.position() + ":" + s.id());
    }

    private Optional<Question> question(String propositionId) {
        return sql.one("SELECT value_type, cardinality FROM verdict_view WHERE proposition_id = ?",
                rs -> new Question(propositionId, ValueType.fromWire(rs.getString(1)),
                        Cardinality.fromWire(rs.getString(2))), propositionId);
    }

    private static Page page(List<Summary> rows, int limit, java.util.function.Function<Summary, String> key) {
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<Summary> items = rows.subList(0, limit);
        return new Page(List.copyOf(items), encode(key.apply(items.get(limit - 1))));
    }

    private static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        JsonNode summary = Json.tree(rs.getString("summary"));
        return new Summary(rs.getString("proposition_id"), rs.getString("subject"), rs.getString("label"),
                rs.getString("status"), rs.getString("leading_position"), rs.getInt("live_claims"),
                Sql.instant(rs, "changed_at"), rs.getLong("position"), summary.get("positions"));
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("cursor", "is not a cursor this list gave out");
        }
    }

}
