package org.claimledger.pages;

import org.claimledger.entity.view.EntityQueries.EntityView;

import java.util.Map;
import java.util.function.Function;

/** Entities by the name a reader knows them by: the English label, else the first label, else the id. */
final class Names {

    private Names() {
    }

    static Function<String, String> of(Map<String, EntityView> entities) {
        return id -> {
            EntityView e = entities.get(id);
            if (e == null || e.labels() == null || e.labels().isEmpty()) {
                return id;
            }
            return e.labels().getOrDefault("en", e.labels().values().iterator().next());
        };
    }
}
