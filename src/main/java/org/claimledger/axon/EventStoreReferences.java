package org.claimledger.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.claimledger.common.References;
import org.claimledger.common.ValueType;
import org.claimledger.entity.Entity;
import org.claimledger.proposition.Proposition;
import org.claimledger.proposition.PropositionEvent.PropositionDefined;
import org.claimledger.source.Source;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers the domain's reference checks from the event log itself, inside the command's own
 * transaction: what a command sees exists is what is committed (or written earlier in the same
 * batch), never a projection that may lag behind.
 */
final class EventStoreReferences implements References {

    private final Supplier<EventStore> eventStore;

    EventStoreReferences(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean sourceExists(String sourceId) {
        return exists(Source.streamId(sourceId));
    }

    @Override
    public boolean entityExists(String entityId) {
        return exists(Entity.streamId(entityId));
    }

    @Override
    public Optional<ValueType> propositionValueType(String propositionId) {
        DomainEventStream stream = eventStore.get().readEvents(Proposition.streamId(propositionId), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof PropositionDefined defined
                ? Optional.of(defined.details().valueType())
                : Optional.empty();
    }

    private boolean exists(String streamId) {
        return eventStore.get().lastSequenceNumberFor(streamId).isPresent();
    }
}
