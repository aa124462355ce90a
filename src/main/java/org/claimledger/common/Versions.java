package org.claimledger.common;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * Versions of what is recorded: the sequence number of a stream's last event. Clients see it as
 * the ETag and send it back in If-Match, so that a change made on a stale reading is refused.
 */
public final class Versions {

    private Versions() {
    }

    /** Call from a command handler: refuses the command when the client expected another version. */
    public static void check(String id, Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected != null && !expected.equals(actual)) {
            throw Rejection.stale(id, expected, actual);
        }
    }

    public static Outcome changed() {
        return new Outcome(AggregateLifecycle.getVersion(), true);
    }

    public static Outcome unchanged() {
        return new Outcome(AggregateLifecycle.getVersion(), false);
    }
}
