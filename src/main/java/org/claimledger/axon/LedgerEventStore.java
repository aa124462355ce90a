package org.claimledger.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, told of new events when PostgreSQL has committed them. Axon's unit
 * of work commits inside our JTA transaction, before the database does; waking the read models
 * then would find nothing and leave them asleep until the next poll. So the wake-up waits for the
 * JTA commit, and read models follow a write within milliseconds.
 */
final class LedgerEventStore extends EmbeddedEventStore {

    private final jakarta.transaction.TransactionManager jta;

    LedgerEventStore(Builder builder, jakarta.transaction.TransactionManager jta) {
        super(builder);
        this.jta = jta;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!JtaCommits.afterCommit(jta, () -> LedgerEventStore.super.afterCommit(events))) {
            super.afterCommit(events); // no transaction to wait for: wake the readers now
        }
    }
}
