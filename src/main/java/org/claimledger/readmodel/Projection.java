package org.claimledger.readmodel;

/**
 * A read model kept in PostgreSQL tables by a tracking processor. Its class carries Axon's
 * {@code @ProcessingGroup} (the processor's name) and a {@code @ResetHandler} that empties its
 * tables, so it can be rebuilt from the event log at any time.
 */
public interface Projection {

    /**
     * Whether its processor may be split into segments, each handling the events of some
     * aggregates (in order per aggregate) on whichever replica claims it. A read model whose rows
     * depend on events of many aggregates in their order in the log says no: it runs as one segment.
     */
    default boolean splitByAggregate() {
        return true;
    }

    /**
     * Whether it may be emptied and rebuilt from the log. The update feed says no: subscribers
     * follow it by id, and a rebuild would give some of its updates other ids.
     */
    default boolean rebuildable() {
        return true;
    }
}
