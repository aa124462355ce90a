package org.claimledger.common;

import java.util.Optional;

/**
 * What the ledger already holds, as far as a command needs to know to keep references whole:
 * a claim must name a source and a proposition that exist, a proposition an entity that exists.
 * The domain asks; the event store answers (see the axon package).
 */
public interface References {

    boolean sourceExists(String sourceId);

    boolean entityExists(String entityId);

    /** The value type of a defined proposition, or empty when it is not defined. */
    Optional<ValueType> propositionValueType(String propositionId);
}
