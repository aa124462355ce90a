package org.claimledger.search.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each question's verdict status, as the verdicts read model has it, kept in memory for search: a search
 * filters and counts by the status of every hit's question, and statuses move far more often than claims,
 * so the index does not copy them. Before a search, whatever changed since the last look is read
 * (verdicts by the position of their last cause, with a margin for causes that committed late); every
 * half minute all of them are read again, which also covers a rebuild of the verdicts.
 */
@ApplicationScoped
public class Statuses {

    static final long FRESH_NANOS = 250_000_000L;
    static final long ALL_AGAIN_NANOS = 30_000_000_000L;
    static final long LATE_MARGIN = 10_000;

    @Inject
    DataSource dataSource;

    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private long seen = Long.MIN_VALUE;
    private long lookedAt;
    private long allAt;

    /** The status of the question's verdict, or null if the verdicts do not know it yet. */
    public String of(String proposition) {
        return statuses.get(proposition);
    }

    /** Brings the statuses up to date if they were last looked at more than a moment ago. */
    public synchronized void refresh() {
        long now = System.nanoTime();
        if (seen != Long.MIN_VALUE && now - lookedAt < FRESH_NANOS) {
            return;
        }
        boolean all = seen == Long.MIN_VALUE || now - allAt > ALL_AGAIN_NANOS;
        long[] highest = {all ? Long.MIN_VALUE : seen};
        new Sql(dataSource).list("SELECT proposition_id, status, position FROM verdict_view WHERE position > ?",
                rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                    highest[0] = Math.max(highest[0], rs.getLong(3));
                    return null;
                }, all ? Long.MIN_VALUE : seen - LATE_MARGIN);
        if (all) {
            allAt = now;
        }
        seen = Math.max(seen, highest[0]);
        lookedAt = now;
    }
}
