package org.claimledger.entity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.claimledger.common.Outcome;
import org.claimledger.common.Rejection;
import org.claimledger.common.Versions;
import org.claimledger.entity.EntityCommand.DefineEntity;
import org.claimledger.entity.EntityEvent.EntityDefined;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person, place, unit, organisation or event that propositions are about and claims may name. */
public class Entity {

    static final String STREAM_PREFIX = "entity:";

    @AggregateIdentifier
    private String streamId;
    private EntityDetails details;

    protected Entity() {
        // for Axon
    }

    public static String streamId(String entityId) {
        return STREAM_PREFIX + entityId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(DefineEntity command) {
        if (details != null) {
            if (details.equals(command.details())) {
                return Versions.unchanged();
            }
            throw Rejection.conflict("entity '" + command.entityId() + "' is already defined otherwise");
        }
        apply(new EntityDefined(command.entityId(), command.details()));
        return Versions.changed();
    }

    @EventSourcingHandler
    void on(EntityDefined event) {
        streamId = streamId(event.entityId());
        details = event.details();
    }
}
