package org.claimledger.search;

import java.util.Arrays;

/**
 * Hits counted by number (of a question, a source) during one search, remembering which numbers it
 * touched: a selective search neither allocates nor scans an array as long as the whole index's
 * questions, and the arrays serve the next search on the same thread.
 */
final class Tally {

    private int[] counts = new int[0];
    private int[] touched = new int[64];
    private int size;

    /** Ready to count numbers below {@code capacity}, from zero. */
    Tally reset(int capacity) {
        for (int i = 0; i < size; i++) {
            counts[touched[i]] = 0;
        }
        size = 0;
        if (counts.length < capacity) {
            counts = new int[Math.max(capacity, counts.length * 2)];
        }
        return this;
    }

    void add(int n) {
        if (counts[n]++ == 0) {
            if (size == touched.length) {
                touched = Arrays.copyOf(touched, size * 2);
            }
            touched[size++] = n;
        }
    }

    /** How many numbers were counted. */
    int size() {
        return size;
    }

    /** The {@code i}th number counted (in the order first seen). */
    int number(int i) {
        return touched[i];
    }

    int count(int n) {
        return counts[n];
    }
}
