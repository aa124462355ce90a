package org.claimledger.verdict.view;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.common.Folding;
import org.claimledger.common.Rejection;
import org.claimledger.common.ValueType;
import org.claimledger.proposition.Cardinality;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;
import org.claimledger.verdict.Dossier;
import org.claimledger.verdict.Testimony;
import org.claimledger.verdict.Verdict;
import org.claimledger.verdict.log.VerdictLog;

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
                          Instant changedAt, long position,
                          @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                  type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                  implementation = VerdictSummary.PositionBrief.class)
                          JsonNode positions) {
    }

    /** A page of summaries and the cursor of the next page (null on the last). */
    public record Page(List<Summary> items, String next) {
    }

    /**
     * A change of status: from, to, when, what caused it (its kind, as the update stream names it,
     * and in words), the record that did, and the source it was about when something was done to a
     * source (a grade, a retraction).
     */
    public record Change(int seq, String from, String to, String leading, Instant at, long position,
                         String causeType, String cause, String causeEvent, String causeSource) {
    }

    private final Sql sql;

    @Inject
    VerdictLog log;

    @Inject
    public VerdictQueries(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    public Optional<Current> current(String propositionId) {
        return sql.one("SELECT document::text, changed_at, position FROM verdict_view WHERE proposition_id = ?",
                rs -> new Current(Json.tree(rs.getString(1)), Sql.instant(rs, "changed_at"), rs.getLong(3)),
                propositionId);
    }

    /** The present year: a source-time view at it or later is the live verdict. */
    public static int presentYear() {
        return java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
    }

    /**
     * A verdict as asked for: {@code changedAt} and {@code position} for the stored live verdict,
     * {@code claimsThen} for one as recorded at an instant (the claims live then).
     */
    public record Reading(JsonNode verdict, Instant changedAt, Long position, List<Testimony> claimsThen) {
    }

    /**
     * The one way to a proposition's verdict, for the API and the pages alike: now, as recorded at
     * {@code asOf} (folded from the log), as historiography stood in {@code year} (decided by the fold
     * from the verdicts' tables; a year at or after the present one is the live verdict), or both.
     * Empty when the proposition is not defined (at {@code asOf}).
     */
    public Optional<Reading> read(String propositionId, Instant asOf, Integer year) {
        Integer sourceYear = year != null && year >= presentYear() ? null : year;
        if (asOf != null) {
            return log.asOf(propositionId, asOf).map(d -> new Reading(tree(decided(d, propositionId, sourceYear)),
                    null, null, List.copyOf(d.proposition(propositionId).orElseThrow().liveClaims())));
        }
        if (sourceYear == null) {
            Optional<Current> current = current(propositionId);
            if (current.isPresent()) {
                return current.map(c -> new Reading(c.verdict(), c.changedAt(), c.position(), null));
            }
        } else {
            Dossier dossier = VerdictSources.dossierOf(sql, java.util.Set.of(propositionId));
            if (dossier.defines(propositionId)) {
                return Optional.of(new Reading(tree(decided(dossier, propositionId, sourceYear)), null, null, null));
            }
        }
        // the verdict view has not caught up with a new proposition yet: decide from the log
        return log.asOf(propositionId, Instant.now())
                .map(d -> new Reading(tree(decided(d, propositionId, sourceYear)), null, null, null));
    }

    /**
     * The verdict at an instant before anything was recorded about the proposition (before its
     * definition, or before the ledger's first event): unattested, with no claims.
     */
    public Reading beforeAnyRecord(String propositionId, Instant asOf) {
        Verdict nothing = new Verdict(propositionId, org.claimledger.verdict.Status.UNATTESTED, null, List.of(),
                List.of(), List.of(), List.of("unattested: nothing was recorded about it by " + asOf));
        return new Reading(tree(nothing), null, null, List.of());
    }

    private static Verdict decided(Dossier dossier, String propositionId, Integer year) {
        return year == null ? dossier.verdict(propositionId) : dossier.verdict(propositionId, year, presentYear());
    }

    private static JsonNode tree(Verdict verdict) {
        return Json.MAPPER.valueToTree(verdict);
    }

    public List<Change> history(String propositionId) {
        return sql.list("""
                        SELECT seq, from_status, to_status, leading_position, changed_at, position, cause_type, cause_event,
                               cause_source
                          FROM verdict_change WHERE proposition_id = ? ORDER BY seq""",
                rs -> new Change(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.instant(rs, "changed_at"), rs.getLong(6), Causes.kind(rs.getString(7)),
                        Causes.words(rs.getString(7), rs.getString(9)), rs.getString(8), rs.getString(9)),
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
            // the API's contract: the text as one phrase (the board looks for each word)
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

    /** The order of the dispute board: what is disputed first, then what stands, then what does not. */
    public static final List<String> BOARD_ORDER = List.of("contested", "corroborated", "single-line", "discredited",
            "unattested");

    /**
     * The dispute board: contested propositions first, then the rest by status, each status by id;
     * filtered by status, subject, text (case and diacritics ignored) and the language of a source
     * that testifies. A page is at most one indexed range scan per status.
     */
    public Page board(String status, String subject, String q, String language, int limit, String cursor) {
        String fromStatus = BOARD_ORDER.get(0);
        String afterId = null;
        if (cursor != null) {
            String[] key = decode(cursor).split(":", 2);
            if (key.length != 2 || !BOARD_ORDER.contains(key[0])) {
                throw Rejection.invalid("cursor", "is not a cursor this list gave out");
            }
            fromStatus = key[0];
            afterId = key[1];
        }
        List<Summary> rows = new ArrayList<>();
        for (String each : BOARD_ORDER.subList(BOARD_ORDER.indexOf(fromStatus), BOARD_ORDER.size())) {
            if (status != null && !status.equals(each)) {
                continue;
            }
            StringBuilder where = new StringBuilder("status = ?");
            List<Object> args = new ArrayList<>(List.of(each));
            if (afterId != null && each.equals(fromStatus)) {
                where.append(" AND proposition_id > ?");
                args.add(afterId);
            }
            if (subject != null) {
                where.append(" AND subject = ?");
                args.add(subject);
            }
            if (q != null) {
                words(q, where, args);
            }
            if (language != null) {
                // a source of that language testifies (a live claim); the quote's own language is another matter
                where.append(" AND EXISTS (SELECT 1 FROM claim_view c JOIN source_view s ON s.id = c.source_id"
                        + " WHERE c.proposition_id = verdict_view.proposition_id AND NOT c.withdrawn AND s.language = ?)");
                args.add(language);
            }
            args.add(limit + 1 - rows.size());
            rows.addAll(sql.list("SELECT * FROM verdict_view WHERE " + where + " ORDER BY proposition_id LIMIT ?",
                    VerdictQueries::summary, args.toArray()));
            if (rows.size() > limit) {
                break;
            }
        }
        return page(rows, limit, s -> s.status() + ":" + s.id());
    }

    /** A proposition named in a list: its question and its status now. */
    public record Named(String id, String label, String status) {
    }

    /** The named propositions' questions and statuses, by id; ids without a verdict yet are left out. */
    public java.util.Map<String, Named> named(java.util.Collection<String> ids) {
        return sql.byKey("SELECT proposition_id, label, status FROM verdict_view WHERE proposition_id = ANY(?)",
                rs -> new Named(rs.getString(1), rs.getString(2), rs.getString(3)), Named::id, ids);
    }

    /** The languages the ledger's sources are written in, for the board's filter. */
    public List<String> sourceLanguages() {
        return sql.list("SELECT DISTINCT language FROM source_view WHERE language IS NOT NULL ORDER BY language",
                rs -> rs.getString(1));
    }

    /** The subjects that propositions are about, for the board's filter. */
    public List<String> subjects() {
        return sql.list("SELECT DISTINCT subject FROM verdict_view ORDER BY subject", rs -> rs.getString(1));
    }

    /** The earliest year in which a source of the ledger was published, if any gives one. */
    public Optional<Integer> earliestPublication() {
        return sql.list("SELECT min(substring(published FROM 1 FOR 4)::int) FROM source_view WHERE published ~ '^\\d{4}'",
                rs -> rs.getObject(1) == null ? null : rs.getInt(1)).stream().filter(java.util.Objects::nonNull).findFirst();
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

    /** Every word of {@code q} somewhere in the question, its id or predicate; case and diacritics do not count. */
    private static void words(String q, StringBuilder where, List<Object> args) {
        for (String word : Folding.fold(q).trim().split("\\s+")) {
            if (!word.isEmpty()) {
                where.append(" AND search_text LIKE ?");
                args.add("%" + likeEscaped(word) + "%");
            }
        }
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
