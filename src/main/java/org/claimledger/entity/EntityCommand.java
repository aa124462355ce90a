package org.claimledger.entity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of an entity. */
public sealed interface EntityCommand {

    String entityId();

    @TargetAggregateIdentifier
    default String streamId() {
        return Entity.streamId(entityId());
    }

    /** Define an entity; the same again is a no-op, another definition under the same id a conflict. */
    record DefineEntity(String entityId, EntityDetails details) implements EntityCommand {
    }
}
