package org.claimledger.entity.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.common.Folding;
import org.claimledger.store.Json;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads entities, by id or by any of their names ignoring case and diacritics. */
@ApplicationScoped
public class EntityQueries {

    /** An entity with its labels per language and its other names. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityView(String id, String kind, Map<String, String> labels, List<String> aliases,
                             String wikidata, long version) {
    }

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> ALIASES = new TypeReference<>() {
    };

    private final Sql sql;

    @Inject
    public EntityQueries(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    public Optional<EntityView> entity(String id) {
        return sql.one("SELECT * FROM entity_view WHERE id = ?", EntityQueries::view, id);
    }

    /** The named entities, by id; ids the ledger does not know are left out. */
    public Map<String, EntityView> entities(java.util.Collection<String> ids) {
        return sql.byKey("SELECT * FROM entity_view WHERE id = ANY(?)", EntityQueries::view, EntityView::id, ids);
    }

    /** Entities any of whose names contains {@code q}, exact name matches first. */
    public List<EntityView> search(String q, int limit) {
        String folded = Folding.fold(q);
        String pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return sql.list("""
                SELECT e.* FROM entity_view e
                  JOIN (SELECT entity_id, bool_or(folded = ?) AS exact
                          FROM entity_name_view WHERE folded LIKE ? GROUP BY entity_id) m ON m.entity_id = e.id
                 ORDER BY m.exact DESC, e.id LIMIT ?""", EntityQueries::view, folded, pattern, limit);
    }

    private static EntityView view(ResultSet rs) throws SQLException {
        return new EntityView(rs.getString("id"), rs.getString("kind"),
                Json.MAPPER.convertValue(Json.tree(rs.getString("labels")), LABELS),
                Json.MAPPER.convertValue(Json.tree(rs.getString("aliases")), ALIASES),
                rs.getString("wikidata"), rs.getLong("version"));
    }
}
