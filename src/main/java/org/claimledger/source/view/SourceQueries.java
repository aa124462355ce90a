package org.claimledger.source.view;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.bibliography.ChicagoCitations;
import org.claimledger.claim.view.ClaimQueries;
import org.claimledger.source.Grade;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/** Reads source profiles. */
@ApplicationScoped
public class SourceQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Sql sql;
    private final ClaimQueries claims;

    @Inject
    public SourceQueries(DataSource dataSource, ClaimQueries claims) {
        this.sql = new Sql(dataSource);
        this.claims = claims;
    }

    public Optional<SourceProfile> profile(String id) {
        List<SourceProfile.Change> history = sql.list("""
                        SELECT seq, kind, grade, rationale, reason, date, recorded_at, recorded_by
                          FROM source_history_view WHERE source_id = ? ORDER BY seq""",
                rs -> new SourceProfile.Change(rs.getLong("seq"), rs.getString("kind"), rs.getString("grade"),
                        rs.getString("rationale"), rs.getString("reason"), rs.getString("date"),
                        Sql.instant(rs, "recorded_at"),
                        rs.getString("recorded_by")), id);
        List<SourceProfile.Assessment> assessments = history.stream()
                .filter(c -> "assessed".equals(c.change()))
                .map(c -> new SourceProfile.Assessment(c.grade(), c.rationale(), c.recordedAt(), c.recordedBy()))
                .toList();
        return sql.one("SELECT * FROM source_view WHERE id = ?", rs -> new SourceProfile(
                rs.getString("id"), rs.getString("title"), strings(rs.getString("authors")), rs.getString("kind"),
                rs.getString("published"), rs.getString("language"), rs.getString("origin"),
                strings(rs.getString("derived_from")), new SourceProfile.Citation(rs.getString("citation"),
                        rs.getString("citation_formatted"), rs.getString("citation_html"), ChicagoCitations.STYLE),
                rs.getString("grade"),
                Grade.fromWire(rs.getString("grade")).meaning(), rs.getLong("version"),
                Sql.instant(rs, "registered_at"), rs.getString("registered_by"), Sql.instant(rs, "updated_at"),
                assessments, history, null, retraction(rs.getString("retraction")), csl(rs.getString("bibliography"))), id)
                .map(p -> withClaims(p, id));
    }

    /** A source in brief, as a page names it beside its testimony. */
    public record SourceBrief(String id, String title, List<String> authors, String kind, String published,
                              String language, String origin, String grade, String gradeMeaning) {
    }

    /** The named sources in brief, by id; ids the ledger does not know are left out. */
    public java.util.Map<String, SourceBrief> briefs(java.util.Collection<String> ids) {
        return sql.byKey("SELECT id, title, authors, kind, published, language, origin, grade FROM source_view "
                + "WHERE id = ANY(?)", SourceQueries::brief, SourceBrief::id, ids);
    }

    /** Sources by id, a page at a time, for pickers. */
    public List<SourceBrief> briefs(int limit) {
        return sql.list("SELECT id, title, authors, kind, published, language, origin, grade FROM source_view "
                + "ORDER BY id LIMIT ?", SourceQueries::brief, limit);
    }

    private static SourceBrief brief(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SourceBrief(rs.getString("id"), rs.getString("title"), strings(rs.getString("authors")),
                rs.getString("kind"), rs.getString("published"), rs.getString("language"), rs.getString("origin"),
                rs.getString("grade"), Grade.fromWire(rs.getString("grade")).meaning());
    }

    private SourceProfile withClaims(SourceProfile p, String id) {
        return new SourceProfile(p.id(), p.title(), p.authors(), p.kind(), p.published(), p.language(), p.origin(),
                p.derivedFrom(), p.citation(), p.grade(), p.gradeMeaning(), p.version(), p.registeredAt(),
                p.registeredBy(), p.updatedAt(), p.assessments(), p.history(), claims.ofSource(id), p.retraction(), p.csl());
    }

    private static SourceProfile.Retraction retraction(String json) {
        return json == null ? null : Json.MAPPER.convertValue(Json.tree(json), SourceProfile.Retraction.class);
    }

    private static java.util.Map<String, Object> csl(String json) {
        return json == null ? null : Json.MAPPER.convertValue(Json.tree(json), CSL);
    }

    private static final TypeReference<java.util.LinkedHashMap<String, Object>> CSL = new TypeReference<>() {
    };

    private static List<String> strings(String json) {
        return Json.MAPPER.convertValue(Json.tree(json), STRINGS);
    }
}
