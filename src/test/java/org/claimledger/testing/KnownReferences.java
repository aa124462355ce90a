package org.claimledger.testing;

import org.claimledger.common.References;
import org.claimledger.common.ValueType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the ledger holds, for aggregate tests: filled by hand, answered from memory. */
public final class KnownReferences implements References {

    private final Set<String> sources = new HashSet<>();
    private final Set<String> entities = new HashSet<>();
    private final Map<String, ValueType> propositions = new HashMap<>();

    public KnownReferences source(String id) {
        sources.add(id);
        return this;
    }

    public KnownReferences entity(String id) {
        entities.add(id);
        return this;
    }

    public KnownReferences proposition(String id, ValueType type) {
        propositions.put(id, type);
        return this;
    }

    @Override
    public boolean sourceExists(String sourceId) {
        return sources.contains(sourceId);
    }

    @Override
    public boolean entityExists(String entityId) {
        return entities.contains(entityId);
    }

    @Override
    public Optional<ValueType> propositionValueType(String propositionId) {
        return Optional.ofNullable(propositions.get(propositionId));
    }
}
