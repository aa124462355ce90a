package org.claimledger.search.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * What changed in the questions' verdict statuses, as the verdicts read model has it, for search: a
 * search filters and counts by the status of every hit's question, and statuses move far more often
 * than claims, so the index is told them rather than copying them into claims.
 *
 * <p>Before a search, the verdicts changed since the last look are read, by the position of their last
 * cause. A verdict whose cause committed late (after a look that saw a higher position) is caught by
 * reading again from the highest position seen at a look at least {@link #LATE_NANOS} ago: a quiet
 * ledger reads nothing. Every half minute all of them are read again, which also covers a rebuild of
 * the verdicts.
 */
@ApplicationScoped
public class Statuses {

    static final long FRESH_NANOS = 250_000_000L;
    static final long LATE_NANOS = 5_000_000_000L;
    static final long ALL_AGAIN_NANOS = 30_000_000_000L;

    @Inject
    DataSource dataSource;

    private final Looks looks = new Looks();

    /**
     * The statuses (by question) that changed since the last call, or every status when it is time to read
     * them all again; empty if they were looked at a moment ago.
     */
    public synchronized Map<String, String> changed() {
        long now = System.nanoTime();
        Looks.Plan plan = looks.plan(now);
        if (plan == null) {
            return Map.of();
        }
        Map<String, String> changed = new HashMap<>();
        long[] highest = {Long.MIN_VALUE};
        new Sql(dataSource).list("SELECT proposition_id, status, position FROM verdict_view WHERE position > ?",
                rs -> {
                    changed.put(rs.getString(1), rs.getString(2));
                    highest[0] = Math.max(highest[0], rs.getLong(3));
                    return null;
                }, plan.from());
        looks.looked(now, highest[0], plan.all());
        return changed;
    }

    /**
     * When to look, and from which position: the clock is given, so a test can move it. Kept apart from
     * the reading so that the look-back is tested without a database.
     */
    static final class Looks {

        /** A look to make: every status ({@code all}), or those past position {@code from}. */
        record Plan(boolean all, long from) {
        }

        /** A look made: when, and the highest position it had seen. */
        private record Look(long at, long seen) {
        }

        private final ArrayDeque<Look> looks = new ArrayDeque<>();
        private long seen = Long.MIN_VALUE;
        private boolean looked;
        private long lookedAt;
        private long allAt;

        /** The look to make at {@code now}, or null when the last was a moment ago. */
        Plan plan(long now) {
            if (looked && now - lookedAt < FRESH_NANOS) {
                return null;
            }
            boolean all = !looked || now - allAt > ALL_AGAIN_NANOS;
            // the newest look at least LATE_NANOS old (or the oldest kept): what it had seen had committed
            while (looks.size() > 1 && now - secondLook().at() >= LATE_NANOS) {
                looks.removeFirst();
            }
            return new Plan(all, all || looks.isEmpty() ? Long.MIN_VALUE : looks.getFirst().seen());
        }

        /** The look at {@code now} was made, and saw positions up to {@code highest} (MIN_VALUE: none). */
        void looked(long now, long highest, boolean all) {
            if (all) {
                allAt = now;
                looks.clear();
            }
            seen = Math.max(seen, highest);
            looked = true;
            lookedAt = now;
            looks.addLast(new Look(now, seen));
        }

        private Look secondLook() {
            var it = looks.iterator();
            it.next();
            return it.next();
        }
    }
}
