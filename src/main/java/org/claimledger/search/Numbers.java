package org.claimledger.search;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A number for every name, given at its first sight and never changed: counting by number in an array
 * is what keeps a search's per-hit work to a few reads. Read without a lock by any thread; numbered by
 * the writers (a name published before a document carrying its number can be searched).
 */
final class Numbers {

    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private volatile String[] names = new String[64];

    /** The name's number, or -1. */
    int of(String name) {
        if (name == null) {
            return -1;
        }
        Integer n = numbers.get(name);
        return n == null ? -1 : n;
    }

    /** The name's number, given now if it has none. */
    int number(String name) {
        Integer known = numbers.get(name);
        return known != null ? known : take(name, -1);
    }

    /** Gives {@code name} the number it was kept under (an index opened again), or the next one. */
    synchronized int take(String name, int kept) {
        Integer known = numbers.get(name);
        if (known != null) {
            return known;
        }
        int n = kept >= 0 ? kept : numbers.size();
        String[] all = names;
        if (n >= all.length) {
            all = Arrays.copyOf(all, Math.max(n + 1, all.length * 2));
        }
        all[n] = name;
        names = all;
        numbers.put(name, n);
        return n;
    }

    /** The names by number: a snapshot, at least as long as the highest number given before the call. */
    String[] names() {
        return names;
    }

    int size() {
        return numbers.size();
    }

    synchronized void clear() {
        numbers.clear();
        names = new String[64];
    }
}
