package org.claimledger.verdict;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which changes to sources show in the verdicts they testify on (ADR 12): a source's line, weight,
 * grade and retraction always do; a source now known shows in the verdicts of those that name it as
 * what they derive from; a revised origin or link shows only where it changes the words on why some
 * of a question's sources are one line. The dossier re-decides a verdict only when one of these
 * changed, so this is what keeps a verdict from moving without cause, or from standing still with one.
 */
final class SourceChanges {

    private record Placed(String line, double weight) {
    }

    /** Each source's line and weight when verdicts were last decided. */
    private final Map<String, Placed> placed = new HashMap<>();
    /** Sources changed since the last decision, as they were before it (null: new). */
    private final Map<String, Witness> before = new HashMap<>();

    /** A source is about to change: remembers how it was before the first change since the last decision. */
    void changing(String sourceId, Witness was) {
        if (!before.containsKey(sourceId)) {
            before.put(sourceId, was);
        }
    }

    /** Where the sources stand when a working copy begins. */
    void placed(SourceGraph g, Collection<String> sourceIds) {
        sourceIds.forEach(id -> placed.put(id, new Placed(g.lineOf(id), g.weightOf(id))));
    }

    /**
     * The changes since the last call, settled against the graph as it now stands ({@code replaced}:
     * the sources whose line or weight it worked out again). Sources whose line or weight moved are
     * added to {@code moved} (their rows are due).
     */
    Shown settle(SourceGraph g, Map<String, Witness> now, Collection<String> replaced, Set<String> moved) {
        Set<String> certain = new HashSet<>();
        Map<String, Witness> revised = new HashMap<>();
        before.forEach((id, was) -> {
            Witness is = now.get(id);
            if (was == null) {
                certain.addAll(g.namedBy(id)); // "derives from" now names it in their verdicts
            } else if (was.grade() != is.grade() || !java.util.Objects.equals(was.retraction(), is.retraction())) {
                certain.add(id);
            } else if (!was.origin().equals(is.origin()) || !was.derivedFrom().equals(is.derivedFrom())) {
                revised.put(id, was);
            }
        });
        before.clear();
        for (String id : replaced) {
            if (!g.knows(id)) {
                continue;
            }
            Placed is = new Placed(g.lineOf(id), g.weightOf(id));
            Placed was = placed.put(id, is);
            if (was != null && !was.equals(is)) {
                moved.add(id);
                certain.add(id);
            }
        }
        revised.keySet().removeAll(certain);
        return new Shown(certain, revised);
    }

    /** The changes that show for certain, and the revised origins or links (as they were) that may. */
    record Shown(Set<String> certain, Map<String, Witness> revised) {

        /** Every source whose changes may show somewhere. */
        Set<String> sources() {
            Set<String> all = new HashSet<>(certain);
            all.addAll(revised.keySet());
            return all;
        }

        /** Whether these changes show in the verdict of a question these sources are heard on. */
        boolean showIn(Set<String> testifying, SourceGraph g) {
            for (String id : testifying) {
                if (certain.contains(id)) {
                    return true;
                }
            }
            for (String id : revised.keySet()) {
                if (testifying.contains(id)) {
                    String line = g.lineOf(id);
                    if (!g.whyOneLine(line, testifying).equals(g.whyOneLine(line, testifying, revised))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
