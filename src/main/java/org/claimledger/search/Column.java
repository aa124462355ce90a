package org.claimledger.search;

import java.util.Arrays;

/**
 * A value (itself a number) for each number of a {@link Numbers}: a question's status, a source's date.
 * Read as a snapshot without a lock; numbers not set yet read as the column's {@code none}.
 */
final class Column {

    private final int none;
    private volatile int[] values;

    Column(int none) {
        this.none = none;
        this.values = filled(new int[64], 0);
    }

    synchronized void set(int n, int value) {
        int[] all = values;
        if (n >= all.length) {
            int had = all.length;
            all = filled(Arrays.copyOf(all, Math.max(n + 1, had * 2)), had);
        }
        all[n] = value;
        values = all;
    }

    int get(int n) {
        int[] all = values;
        return n >= 0 && n < all.length ? all[n] : none;
    }

    /** Every value: a snapshot, at least as long as the highest number set before the call. */
    int[] values() {
        return values;
    }

    synchronized void clear() {
        values = filled(new int[64], 0);
    }

    private int[] filled(int[] all, int from) {
        Arrays.fill(all, from, all.length, none);
        return all;
    }
}
