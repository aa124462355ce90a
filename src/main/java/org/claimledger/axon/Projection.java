package org.claimledger.axon;

/**
 * A read model kept in PostgreSQL tables by a tracking processor. Its class carries Axon's
 * {@code @ProcessingGroup} (the processor's name) and a {@code @ResetHandler} that empties its
 * tables, so it can be rebuilt from the event log at any time.
 */
public interface Projection {
}
