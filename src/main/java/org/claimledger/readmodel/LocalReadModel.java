package org.claimledger.readmodel;

import java.util.List;
import java.util.Optional;

/**
 * A read model every replica keeps for itself, outside PostgreSQL (the search index, on the replica's own
 * disk): each replica reads the whole log into its own copy, so that every replica answers from it. It keeps
 * how far it read beside its own data, written in the same commit, so a restart goes on from there.
 *
 * <p>Events may come again after a failure (from the last commit on): handling one twice must leave the
 * model as handling it once.
 */
public interface LocalReadModel {

    /** Its name in logs and in the admin API. */
    String name();

    /** What it kept at its last commit, or empty when it holds nothing yet. */
    Optional<Progress> progress();

    /**
     * Events read from the log, in the log's order; {@code after} is where the log stands after the last of
     * them. The model commits when it sees fit.
     */
    void handle(List<Object> events, Progress after) throws Exception;

    /** Nothing more is waiting in the log: everything handled must be visible to readers when this returns. */
    void settle() throws Exception;

    /**
     * The log has been quiet for a second: the moment to make durable what was handled since the last
     * commit, so that a restart after a quiet spell does not read the end of a catch-up again.
     */
    default void idle() throws Exception {
    }

    /** Empties it, for a rebuild from the start of the log. */
    void clear() throws Exception;

    /** Makes everything handled durable, with where the log stands. */
    void commit() throws Exception;

    /**
     * How far a local read model has read: {@code ledger} names the log it was built from (so that a copy
     * kept from another ledger is not taken for this one's), {@code position} is opaque to the model.
     */
    record Progress(String ledger, String position, long events) {
    }
}
