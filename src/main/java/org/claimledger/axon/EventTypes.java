package org.claimledger.axon;

import org.claimledger.claim.ClaimEvent;
import org.claimledger.common.PinnedName;
import org.claimledger.entity.EntityEvent;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.source.SourceEvent;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every event the ledger stores, by its pinned name. Built from the sealed event families, so a new
 * event cannot be stored without a name: the serializer refuses an event class it does not know.
 */
final class EventTypes {

    private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        Stream.of(SourceEvent.class, ClaimEvent.class, PropositionEvent.class, EntityEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .forEach(type -> {
                    PinnedName name = type.getAnnotation(PinnedName.class);
                    if (name == null) {
                        throw new IllegalStateException(type.getName() + " has no @PinnedName");
                    }
                    if (BY_NAME.put(name.value(), type) != null) {
                        throw new IllegalStateException("two events are pinned as " + name.value());
                    }
                    BY_CLASS.put(type, name.value());
                });
    }

    private EventTypes() {
    }

    static Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(BY_CLASS.get(type));
    }

    static Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static Map<String, Class<?>> all() {
        return BY_NAME;
    }
}
