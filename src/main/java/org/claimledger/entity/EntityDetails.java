package org.claimledger.entity;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Names of an entity: labels per language ({@code pl: Kraków}) and other spellings ({@code Cracow}). */
public record EntityDetails(EntityKind kind, Map<String, String> labels, List<String> aliases, String wikidata) {

    public EntityDetails {
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
