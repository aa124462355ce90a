package org.claimledger.readmodel;

/**
 * A read model that can catch up on many events in one transaction, reading the event log
 * directly, instead of through its processor in many small transactions: a rebuild (catching up
 * from nothing) and a processor found far behind the head (after a bulk import or downtime).
 * Readers keep the view as it was until the caught-up one commits; a catch-up that fails leaves
 * the view and its position as they were. the wiring (Projections) stops the processor, calls these in
 * order on one thread, and starts the processor again at the position reached.
 */
public interface BulkCatchUp {

    /**
     * In the catch-up's transaction, first: forgets what is held; empties the tables for a rebuild.
     * {@code handledBefore} says which positions of the log the read model had handled before
     * (a rebuild reads them again; what it must announce only once, it announces only for the rest).
     */
    void beginBulk(boolean rebuild, java.util.function.LongPredicate handledBefore);

    /** Every few thousand events: sends what is queued, keeping memory bounded. */
    void flushBulk();

    /** Before the catch-up commits: writes what was kept back for the end. */
    void finishBulk();

    /** After the catch-up committed ({@code true}) or rolled back. */
    void endBulk(boolean committed);

    /**
     * After a committed catch-up, with the processor running again: tidies the tables it filled (a
     * rebuild leaves every old row behind for vacuum, and the planner's statistics out of date).
     */
    default void tidyUp() {
    }
}
