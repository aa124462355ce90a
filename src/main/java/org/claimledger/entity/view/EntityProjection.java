package org.claimledger.entity.view;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.claimledger.readmodel.Projection;
import org.claimledger.readmodel.TablesCatchUp;
import org.claimledger.common.Folding;
import org.claimledger.entity.EntityDetails;
import org.claimledger.entity.EntityEvent.EntityDefined;
import org.claimledger.store.Json;
import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** Keeps entities and every one of their names, folded for lookups that ignore case and diacritics. */
@Singleton
@ProcessingGroup(EntityProjection.NAME)
public class EntityProjection implements Projection, TablesCatchUp {

    public static final String NAME = "entities";

    private final Sql sql;
    private final BatchedWrites writes;

    @Inject
    public EntityProjection(DataSource dataSource) {
        this.sql = new Sql(dataSource);
        this.writes = new BatchedWrites(dataSource);
    }

    @EventHandler
    void on(EntityDefined event, @SequenceNumber long seq, @Timestamp Instant at) {
        EntityDetails d = event.details();
        writes.add("entity_view", """
                INSERT INTO entity_view (id, kind, labels, aliases, wikidata, version, defined_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.entityId(), d.kind() == null ? null : d.kind().wire(), Json.doc(d.labels()),
                Json.doc(d.aliases()), d.wikidata(), seq, at);
        for (String name : names(event.entityId(), d)) {
            writes.add("entity_name_view", "INSERT INTO entity_name_view (entity_id, folded) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    event.entityId(), name);
        }
    }

    static Set<String> names(String id, EntityDetails details) {
        Set<String> names = new LinkedHashSet<>();
        names.add(Folding.fold(id));
        details.labels().values().forEach(label -> names.add(Folding.fold(label)));
        details.aliases().forEach(alias -> names.add(Folding.fold(alias)));
        return names;
    }

    @Override
    public Tables tables() {
        return new Tables(writes, sql, java.util.List.of("entity_view", "entity_name_view"));
    }

    @ResetHandler
    void reset() {
        sql.update("TRUNCATE entity_view, entity_name_view");
    }
}
