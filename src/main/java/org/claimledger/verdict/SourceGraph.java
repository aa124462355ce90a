package org.claimledger.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sources as lines of testimony (domain.md, "Independence"). Repetition is not corroboration:
 * sources joined by {@code derivedFrom} (either direction, transitively) are one line, and so are
 * sources of the same non-independent origin. A source weighs what its grade says, but no more
 * than the heaviest of the sources it derives from: repetition cannot launder credibility. A
 * retracted source weighs nothing, so one that derives only from retracted sources weighs nothing
 * either, and one that also derives from a live source no more than the heaviest live one.
 *
 * <p>Built from a set of sources closed under lines (every source of every line it holds), the
 * graph gives the same lines and weights as one built from all sources.
 */
public final class SourceGraph {

    private final Map<String, Witness> witnesses;
    /** The same witnesses for lookups: a verdict asks for a few sources at a time, often. */
    private final Map<String, Witness> byId;
    private final Map<String, String> lineKey = new HashMap<>();
    private final Map<String, Double> weight = new HashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();
    /** Who names each id in {@code derivedFrom} (known or not yet): a source registered later joins them. */
    private final Map<String, Set<String>> derivedBy = new HashMap<>();
    /** A source of each non-independent origin: all of them are one line. */
    private final Map<String, String> oneOfOrigin = new HashMap<>();

    private SourceGraph(Map<String, Witness> witnesses) {
        this.witnesses = witnesses;
        this.byId = new HashMap<>(witnesses);
        joinLines();
        capWeights();
        witnesses.values().forEach(this::index);
    }

    private void index(Witness w) {
        w.derivedFrom().forEach(from -> derivedBy.computeIfAbsent(from, k -> new java.util.HashSet<>()).add(w.sourceId()));
        if (!w.independent()) {
            oneOfOrigin.putIfAbsent(w.origin(), w.sourceId());
        }
    }

    private void unindex(Witness w) {
        for (String from : w.derivedFrom()) {
            Set<String> by = derivedBy.get(from);
            if (by != null && by.remove(w.sourceId()) && by.isEmpty()) {
                derivedBy.remove(from);
            }
        }
        if (!w.independent() && w.sourceId().equals(oneOfOrigin.get(w.origin()))) {
            oneOfOrigin.remove(w.origin());
            Set<String> line = members.getOrDefault(lineKey.get(w.sourceId()), Set.of());
            for (String other : line) { // the origin's other sources share this line
                Witness o = byId.get(other);
                if (!other.equals(w.sourceId()) && !o.independent() && o.origin().equals(w.origin())) {
                    oneOfOrigin.put(w.origin(), other);
                    break;
                }
            }
        }
    }

    /**
     * Takes in changed or new sources ({@code now} holds every source as it now stands), working out
     * again only the lines they were in, or join now: a source event touches one line, not the
     * graph (a rebuild at 1M claims spent most of its time rebuilding the whole graph after each
     * grade). Returns the sources whose line or weight was worked out again.
     */
    public Set<String> refresh(Map<String, Witness> now, Collection<String> changed) {
        Set<String> again = new java.util.HashSet<>();
        List<String> rest = new ArrayList<>();
        for (String id : changed) {
            // each quick step leaves the graph as if built anew from what it has taken in so far
            Set<String> quick = reweigh(now, id);
            if (quick != null) {
                again.addAll(quick);
            } else {
                rest.add(id);
            }
        }
        if (!rest.isEmpty()) { // together: relinking takes every other source as it now stands
            again.addAll(relink(now, rest));
        }
        return again;
    }

    /**
     * The common changes, taken in without working a line out again: a grade, a retraction or a new
     * date leaves every line as it was and moves only the weights of the source and of what derives
     * from it; a new source that nobody named before joins at most one line (its origin's, or that
     * of what it derives from) and, coming later in id order than the line's name, does not rename
     * it. A line of one origin holds a thousand sources at 1M claims: each grade of one of them
     * worked the whole line out again. Null when the change is not of these kinds.
     */
    private Set<String> reweigh(Map<String, Witness> now, String id) {
        Witness w = now.get(id);
        Witness was = byId.get(id);
        if (w == null) {
            return null;
        }
        if (was != null) {
            if (!w.origin().equals(was.origin()) || !w.derivedFrom().equals(was.derivedFrom())) {
                return null;
            }
            witnesses.put(id, w);
            byId.put(id, w);
            // what derives from it, transitively: nothing outside this set rests on anything in it
            Set<String> downstream = new java.util.LinkedHashSet<>();
            java.util.ArrayDeque<String> next = new java.util.ArrayDeque<>(List.of(id));
            while (!next.isEmpty()) {
                String at = next.poll();
                if (byId.containsKey(at) && downstream.add(at)) {
                    next.addAll(derivedBy.getOrDefault(at, Set.of()));
                }
            }
            capWeights(downstream);
            return downstream;
        }
        if (derivedBy.containsKey(id)) {
            return null; // named before it existed: it joins the lines of those who named it
        }
        String line = null;
        double heaviestOrigin = -1;
        for (String from : w.derivedFrom()) {
            if (byId.containsKey(from)) {
                String joins = lineKey.get(from);
                if (line != null && !line.equals(joins)) {
                    return null;
                }
                line = joins;
                heaviestOrigin = Math.max(heaviestOrigin, weight.get(from));
            }
        }
        if (!w.independent() && oneOfOrigin.containsKey(w.origin())) {
            String joins = lineKey.get(oneOfOrigin.get(w.origin()));
            if (line != null && !line.equals(joins)) {
                return null;
            }
            line = joins;
        }
        if (line != null && id.compareTo(line) < 0) {
            return null; // it would name the line
        }
        line = line == null ? id : line;
        witnesses.put(id, w);
        byId.put(id, w);
        lineKey.put(id, line);
        members.computeIfAbsent(line, k -> new TreeSet<>()).add(id);
        // nothing derives from it yet, and what it derives from is settled
        weight.put(id, heaviestOrigin >= 0 ? Math.min(w.ownWeight(), heaviestOrigin) : w.ownWeight());
        index(w);
        return Set.of(id);
    }

    /** Works out again the lines the changed sources were in or join, and their weights. */
    private Set<String> relink(Map<String, Witness> now, Collection<String> changed) {
        Set<String> affected = new java.util.HashSet<>();
        for (String id : changed) {
            affected.add(id);
            addLineOf(id, affected);
            for (String by : derivedBy.getOrDefault(id, Set.of())) { // named it before it was known
                addLineOf(by, affected);
            }
            Witness w = now.get(id);
            if (w == null) {
                continue;
            }
            for (String from : w.derivedFrom()) {
                if (now.containsKey(from)) {
                    affected.add(from);
                    addLineOf(from, affected);
                }
            }
            if (!w.independent() && oneOfOrigin.containsKey(w.origin())) {
                addLineOf(oneOfOrigin.get(w.origin()), affected);
            }
        }
        for (String id : changed) {
            Witness was = byId.get(id);
            if (was != null) {
                unindex(was);
            }
        }
        for (String id : affected) {
            String line = lineKey.remove(id);
            if (line != null) {
                members.remove(line);
            }
            weight.remove(id);
            Witness w = now.get(id);
            if (w == null) {
                witnesses.remove(id);
                byId.remove(id);
            } else {
                witnesses.put(id, w);
                byId.put(id, w);
            }
        }
        Map<String, Witness> part = new TreeMap<>();
        affected.forEach(id -> {
            Witness w = byId.get(id);
            if (w != null) {
                part.put(id, w);
            }
        });
        // a set closed under lines gives the lines and weights the whole graph would (see above)
        SourceGraph lines = new SourceGraph(part);
        lineKey.putAll(lines.lineKey);
        weight.putAll(lines.weight);
        members.putAll(lines.members);
        for (String id : changed) {
            Witness w = byId.get(id);
            if (w != null) {
                index(w);
            }
        }
        return affected;
    }

    private void addLineOf(String id, Set<String> into) {
        String line = lineKey.get(id);
        if (line != null) {
            into.addAll(members.get(line));
        }
    }

    /** From witnesses already keyed and ordered by id: a copy in linear time. */
    public static SourceGraph of(SortedMap<String, Witness> witnesses) {
        return new SourceGraph(new TreeMap<>(witnesses));
    }

    public static SourceGraph of(Collection<Witness> witnesses) {
        Map<String, Witness> byId = new TreeMap<>();
        witnesses.forEach(w -> byId.put(w.sourceId(), w));
        return new SourceGraph(byId);
    }

    public boolean knows(String sourceId) {
        return byId.containsKey(sourceId);
    }

    public Witness witness(String sourceId) {
        Witness w = byId.get(sourceId);
        if (w == null) {
            throw new IllegalArgumentException("unknown source " + sourceId);
        }
        return w;
    }

    public Collection<Witness> witnesses() {
        return witnesses.values();
    }

    /** The line a source belongs to, named by the first of its sources in id order. */
    public String lineOf(String sourceId) {
        String line = lineKey.get(sourceId); // one lookup: every decision asks this of every claim
        if (line == null) {
            throw new IllegalArgumentException("unknown source " + sourceId);
        }
        return line;
    }

    /** The source's weight after derivation caps. */
    public double weightOf(String sourceId) {
        Double w = weight.get(sourceId);
        if (w == null) {
            throw new IllegalArgumentException("unknown source " + sourceId);
        }
        return w;
    }

    /** The known sources that name this one among what they derive from. */
    public Set<String> namedBy(String sourceId) {
        Set<String> named = new TreeSet<>();
        for (String id : derivedBy.getOrDefault(sourceId, Set.of())) {
            if (byId.containsKey(id)) {
                named.add(id);
            }
        }
        return named;
    }

    /** Every source of the line, claiming here or not. */
    public Set<String> membersOf(String line) {
        return java.util.Collections.unmodifiableSet(members.getOrDefault(line, Set.of()));
    }

    /**
     * Why the sources of one line count as one voice, told for the sources testifying on one
     * question: the origins they share and what they derive from. A line can hold hundreds of
     * sources (every state source of one state); the reasons name only those testifying here, so an
     * explanation stays the size of the question's own evidence, and a source joining a line
     * elsewhere does not change this question's verdict.
     */
    public List<String> whyOneLine(String line, Set<String> testifying) {
        return whyOneLine(line, testifying, Map.of());
    }

    /**
     * The same, as it read when some sources were as given {@code instead} (their origins and links
     * before a revision that left every line and weight as it was: did the verdict's words change?).
     */
    public List<String> whyOneLine(String line, Set<String> testifying, Map<String, Witness> instead) {
        if (membersOf(line).size() < 2) {
            return List.of();
        }
        // only the testifying members, in id order: a line can be long, a question's evidence is short
        Set<String> here = new TreeSet<>();
        for (String id : testifying) {
            if (line.equals(lineKey.get(id))) {
                here.add(id);
            }
        }
        List<String> reasons = new ArrayList<>();
        Map<String, List<String>> byOrigin = new TreeMap<>();
        for (String id : here) {
            Witness w = instead.getOrDefault(id, byId.get(id));
            if (!w.independent()) {
                byOrigin.computeIfAbsent(w.origin(), o -> new ArrayList<>()).add(id);
            }
        }
        byOrigin.forEach((origin, ids) -> {
            if (ids.size() > 1) {
                reasons.add("shared origin " + origin + ": " + String.join(", ", ids));
            }
        });
        for (String id : here) {
            for (String from : instead.getOrDefault(id, byId.get(id)).derivedFrom()) {
                if (byId.containsKey(from)) {
                    reasons.add(id + " derives from " + from);
                }
            }
        }
        return reasons;
    }

    private void joinLines() {
        Map<String, String> parent = new HashMap<>();
        witnesses.keySet().forEach(id -> parent.put(id, id));
        Map<String, String> firstOfOrigin = new HashMap<>();
        for (Witness w : witnesses.values()) {
            for (String from : w.derivedFrom()) {
                if (byId.containsKey(from)) {
                    union(parent, w.sourceId(), from);
                }
            }
            if (!w.independent()) {
                String first = firstOfOrigin.putIfAbsent(w.origin(), w.sourceId());
                if (first != null) {
                    union(parent, w.sourceId(), first);
                }
            }
        }
        Map<String, String> smallestOfRoot = new HashMap<>();
        for (String id : witnesses.keySet()) { // ids in order: the first seen is the smallest
            smallestOfRoot.putIfAbsent(find(parent, id), id);
        }
        for (String id : witnesses.keySet()) {
            String line = smallestOfRoot.get(find(parent, id));
            lineKey.put(id, line);
            members.computeIfAbsent(line, k -> new TreeSet<>()).add(id);
        }
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        for (String at = id; !at.equals(root); ) {
            String next = parent.get(at);
            parent.put(at, root);
            at = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }

    private void capWeights() {
        capWeights(witnesses.keySet());
    }

    /**
     * Caps only ever lower a weight, so repeating until nothing moves settles even on cycles. The
     * sources given must hold everything that derives from any of them (their weights rest on
     * nothing else that moves).
     */
    private void capWeights(Collection<String> ids) {
        ids.forEach(id -> weight.put(id, byId.get(id).ownWeight()));
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String id : ids) {
                Witness w = byId.get(id);
                double heaviestOrigin = -1;
                for (String from : w.derivedFrom()) {
                    if (byId.containsKey(from)) {
                        heaviestOrigin = Math.max(heaviestOrigin, weight.get(from));
                    }
                }
                if (heaviestOrigin >= 0) {
                    double capped = Math.min(w.ownWeight(), heaviestOrigin);
                    if (capped < weight.get(w.sourceId())) {
                        weight.put(w.sourceId(), capped);
                        moved = true;
                    }
                }
            }
        }
    }
}
