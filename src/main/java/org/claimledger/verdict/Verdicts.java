package org.claimledger.verdict;

import org.claimledger.claim.Stance;
import org.claimledger.common.Value;
import org.claimledger.proposition.Cardinality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verdict rules of domain.md as one pure function: from a question, its live claims and the
 * sources' lines of testimony to a status with its explanation. No framework, no I/O.
 */
public final class Verdicts {

    /** A line weighing this much or less is discounted: shown, but never decisive. */
    public static final double DISCOUNT_AT = 0.1;
    private static final double EPSILON = 1e-9;
    /** The explanation names this many conflicting pairs, then counts the rest. */
    static final int MAX_EXPLAINED_CONFLICTS = 20;

    private Verdicts() {
    }

    public static Verdict decide(Question question, List<Testimony> claims, SourceGraph graph) {
        return explain(weigh(question, claims, graph), graph);
    }

    /** The status and the lead alone, as {@link #decide} gives them, without telling why. */
    public static Standing standing(Question question, java.util.Collection<Testimony> claims, SourceGraph graph) {
        return weigh(question, claims, graph).standing;
    }

    /** A verdict's status and its leading position (null when none leads, or several tie). */
    public record Standing(Status status, String leading, int positions) {
    }

    /**
     * The rules applied: positions formed and weighed, conflicts found, the status and the lead.
     * What {@link #explain} then tells is drawn from this and nothing else, so a decision that
     * needs only the status (every event of a rebuild) cannot reach another one.
     */
    private static final class Weighing {
        final Question question;
        final List<Testimony> testimonies;
        /** In the order they were formed (the conflicts are told in it), and sorted for the lead. */
        final List<Draft> formed;
        final List<Draft> ranked;
        final boolean multiple;
        final List<String> tied = new ArrayList<>();
        Standing standing;
        Draft lead;
        double top;

        Weighing(Question question, List<Testimony> testimonies, List<Draft> formed, boolean multiple) {
            this.question = question;
            this.testimonies = testimonies;
            this.formed = formed;
            this.ranked = new ArrayList<>(formed);
            this.multiple = multiple;
        }
    }

    private static Weighing weigh(Question question, java.util.Collection<Testimony> claims, SourceGraph graph) {
        List<Testimony> testimonies = new ArrayList<>(claims.size());
        for (Testimony t : claims) {
            if (graph.knows(t.sourceId()) && question.valueType().accepts(t.value())) {
                testimonies.add(t);
            }
        }
        boolean multiple = question.cardinality() == Cardinality.MULTIPLE;
        if (testimonies.isEmpty()) {
            Weighing w = new Weighing(question, testimonies, List.of(), multiple);
            w.standing = new Standing(Status.UNATTESTED, null, 0);
            return w;
        }
        List<Draft> drafts = positions(testimonies);
        drafts.forEach(d -> d.weigh(graph));
        for (Draft a : drafts) {
            for (Draft b : drafts) {
                if (a != b && conflict(a, b, multiple)) {
                    a.conflicts.add(b.id);
                }
            }
        }
        Weighing w = new Weighing(question, testimonies, drafts, multiple);
        Status status = multiple ? decideMultiple(drafts, null) : decideSingle(drafts, null);
        w.ranked.sort(Comparator.comparingDouble((Draft d) -> -d.support)
                .thenComparing(d -> -d.kept.size())
                .thenComparing(d -> d.stance == Stance.DENIES)
                .thenComparing(d -> d.id));
        // the lead goes to an answer: an asserted position when any keeps a line, a denial only otherwise
        List<Draft> contenders = w.ranked.stream().filter(d -> !d.kept.isEmpty() && d.stance == Stance.ASSERTS).toList();
        if (contenders.isEmpty()) {
            contenders = w.ranked.stream().filter(d -> !d.kept.isEmpty()).toList();
        }
        String leading = null;
        if (!contenders.isEmpty()) {
            w.top = contenders.get(0).support;
            contenders.stream().filter(d -> Math.abs(d.support - w.top) < EPSILON).forEach(d -> w.tied.add(d.id));
            if (w.tied.size() == 1) {
                w.lead = contenders.get(0);
                leading = w.tied.get(0);
                w.tied.clear();
            }
        }
        w.standing = new Standing(status, leading, drafts.size());
        return w;
    }

    /** The verdict of a weighing, with every position, line and reason told. */
    private static Verdict explain(Weighing w, SourceGraph graph) {
        Question question = w.question;
        Status status = w.standing.status();
        if (status == Status.UNATTESTED) {
            return new Verdict(question.propositionId(), Status.UNATTESTED, null, List.of(), List.of(), List.of(),
                    List.of("unattested: no live claims"));
        }
        List<String> explanation = new ArrayList<>();
        explanation.add(status.wire() + ": " + reason(status, w.multiple));
        if (w.lead != null) {
            explanation.add("leading: " + describe(w.lead));
        } else if (!w.tied.isEmpty()) {
            explanation.add("tied for the lead at support " + fmt(w.top) + ": " + String.join(", ", w.tied));
        }
        if (w.multiple) {
            decideMultiple(w.formed, explanation);
        } else {
            decideSingle(w.formed, explanation);
        }
        List<Draft> drafts = w.ranked;
        for (Draft d : drafts) {
            for (Map.Entry<String, Double> line : d.discounted.entrySet()) {
                explanation.add("line " + line.getKey() + " is discounted for " + d.id + ": weight "
                        + fmt(line.getValue()) + " (" + whyDiscounted(d, line.getKey(), graph) + ")");
            }
        }
        // only retracted sources are named here: no sorting of every testifying source on each decision
        TreeMap<String, Witness> retracted = null;
        for (Testimony t : w.testimonies) {
            Witness witness = graph.witness(t.sourceId());
            if (witness.retracted()) {
                (retracted == null ? retracted = new TreeMap<>() : retracted).put(witness.sourceId(), witness);
            }
        }
        if (retracted != null) {
            retracted.values().forEach(r -> explanation.add("source " + r.sourceId() + " is retracted ("
                    + r.retraction().date() + ", recorded by " + r.retraction().recordedBy() + "): "
                    + r.retraction().reason() + "; it weighs 0, its claims stay listed"));
        }
        List<Verdict.Line> lines = lines(drafts, graph, explanation);
        return new Verdict(question.propositionId(), status, w.standing.leading(), List.copyOf(w.tied),
                drafts.stream().map(d -> d.toPosition(graph, w.multiple)).toList(), lines, List.copyOf(explanation));
    }

    /** Decides a proposition with one true answer, telling why when given where to ({@code explanation}). */
    private static Status decideSingle(List<Draft> drafts, List<String> explanation) {
        List<Draft> assertedKept = drafts.stream().filter(d -> d.stance == Stance.ASSERTS && !d.kept.isEmpty()).toList();
        if (assertedKept.isEmpty()) {
            return Status.DISCREDITED;
        }
        int conflicts = 0;
        for (Draft a : drafts) {
            for (Draft b : drafts) {
                if (a.id.compareTo(b.id) < 0 && !a.kept.isEmpty() && !b.kept.isEmpty() && a.conflicts.contains(b.id)) {
                    if (conflicts++ < MAX_EXPLAINED_CONFLICTS && explanation != null) {
                        explanation.add("conflict: " + describe(a) + " against " + describe(b));
                    }
                }
            }
        }
        if (conflicts > MAX_EXPLAINED_CONFLICTS && explanation != null) {
            explanation.add("and " + (conflicts - MAX_EXPLAINED_CONFLICTS) + " more conflicting pairs of positions");
        }
        if (conflicts > 0) {
            return Status.CONTESTED;
        }
        return assertedKept.stream().anyMatch(d -> d.kept.size() >= 2) ? Status.CORROBORATED : Status.SINGLE_LINE;
    }

    /** Decides a proposition whose answers can all be true: each value against its own denials (told as above). */
    private static Status decideMultiple(List<Draft> drafts, List<String> explanation) {
        List<Draft> asserted = drafts.stream().filter(d -> d.stance == Stance.ASSERTS).toList();
        if (asserted.isEmpty()) {
            return Status.DISCREDITED;
        }
        for (Draft a : asserted) {
            if (a.kept.isEmpty()) {
                a.status = Status.DISCREDITED;
            } else if (drafts.stream().anyMatch(d -> a.conflicts.contains(d.id) && !d.kept.isEmpty())) {
                a.status = Status.CONTESTED;
                if (explanation != null) {
                    explanation.add("conflict: " + describe(a) + " against its denial");
                }
            } else {
                a.status = a.kept.size() >= 2 ? Status.CORROBORATED : Status.SINGLE_LINE;
            }
            if (explanation != null) {
                explanation.add("position " + a.id + " is " + a.status.wire());
            }
        }
        if (asserted.stream().anyMatch(a -> a.status == Status.CONTESTED)) {
            return Status.CONTESTED;
        }
        if (asserted.stream().allMatch(a -> a.status == Status.CORROBORATED)) {
            return Status.CORROBORATED;
        }
        if (asserted.stream().allMatch(a -> a.status == Status.DISCREDITED)) {
            return Status.DISCREDITED;
        }
        return Status.SINGLE_LINE;
    }

    private static String reason(Status status, boolean multiple) {
        return switch (status) {
            case UNATTESTED -> "no live claims";
            case DISCREDITED -> multiple ? "every asserted value rests only on discounted lines"
                    : "nothing asserted keeps a line of testimony that is not discounted";
            case CONTESTED -> multiple ? "a value is asserted and denied, each side keeping a line"
                    : "two or more conflicting positions each keep at least one line of testimony";
            case CORROBORATED -> multiple ? "every value is supported by two or more independent lines, undenied"
                    : "the remaining positions agree and an asserted position has two or more independent lines";
            case SINGLE_LINE -> "what remains agrees but rests on a single line of testimony";
        };
    }

    /**
     * Groups asserted values into sets of mutually compatible values; denials by the value denied.
     * Values are keyed once (folding text is not free); only dates and quantities, whose agreement is
     * not equality of keys, are compared pairwise.
     */
    private static List<Draft> positions(List<Testimony> testimonies) {
        Map<String, Value> asserted = distinct(testimonies, Stance.ASSERTS);
        List<List<Value>> clusters = new ArrayList<>();
        Map<String, List<Value>> clusterOfKey = new java.util.HashMap<>();
        for (Map.Entry<String, Value> entry : asserted.entrySet()) {
            Value v = entry.getValue();
            List<Value> home = null;
            if (v instanceof Value.DateValue || v instanceof Value.Quantity) {
                home = clusters.stream()
                        .filter(c -> c.stream().allMatch(member -> Agreement.compatible(member, v)))
                        .findFirst().orElse(null);
            }
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(v);
            clusterOfKey.put(entry.getKey(), home);
        }
        Map<List<Value>, Draft> byCluster = new java.util.IdentityHashMap<>();
        List<Draft> drafts = new ArrayList<>();
        for (List<Value> cluster : clusters) {
            Draft d = new Draft(Stance.ASSERTS, cluster);
            byCluster.put(cluster, d);
            drafts.add(d);
        }
        Map<String, Draft> denials = new LinkedHashMap<>();
        distinct(testimonies, Stance.DENIES).forEach((key, denied) -> {
            Draft d = new Draft(Stance.DENIES, List.of(denied));
            denials.put(key, d);
            drafts.add(d);
        });
        for (Testimony t : testimonies) {
            String key = Agreement.key(t.value());
            Draft d = t.stance() == Stance.ASSERTS ? byCluster.get(clusterOfKey.get(key)) : denials.get(key);
            d.testimonies.add(t);
        }
        return drafts;
    }

    private static Map<String, Value> distinct(List<Testimony> testimonies, Stance stance) {
        Map<String, Value> byKey = new LinkedHashMap<>();
        testimonies.stream().filter(t -> t.stance() == stance).map(Testimony::value)
                .sorted(Agreement.ORDER).forEach(v -> byKey.putIfAbsent(Agreement.key(v), v));
        return byKey;
    }

    /**
     * Different asserted answers to a single-answer question conflict; a denial conflicts with every
     * assertion compatible with the value it denies; denials never conflict with each other.
     */
    private static boolean conflict(Draft a, Draft b, boolean multiple) {
        if (a.stance == Stance.ASSERTS && b.stance == Stance.ASSERTS) {
            return !multiple;
        }
        if (a.stance == Stance.DENIES && b.stance == Stance.DENIES) {
            return false;
        }
        Draft denial = a.stance == Stance.DENIES ? a : b;
        Draft assertion = a.stance == Stance.DENIES ? b : a;
        Value denied = denial.values.get(0);
        if (!(denied instanceof Value.DateValue) && !(denied instanceof Value.Quantity)) {
            return assertion.keys.contains(denial.keys.iterator().next()); // agreement is equality of keys here
        }
        return assertion.values.stream().anyMatch(v -> Agreement.compatible(v, denied));
    }

    private static List<Verdict.Line> lines(List<Draft> drafts, SourceGraph graph, List<String> explanation) {
        Map<String, TreeSet<String>> testifying = new TreeMap<>();
        for (Draft d : drafts) {
            for (Testimony t : d.testimonies) {
                testifying.computeIfAbsent(graph.lineOf(t.sourceId()), k -> new TreeSet<>()).add(t.sourceId());
            }
        }
        List<Verdict.Line> lines = new ArrayList<>();
        testifying.forEach((line, sources) -> {
            List<String> why = graph.whyOneLine(line, sources);
            lines.add(new Verdict.Line(line, List.copyOf(sources), why));
            if (sources.size() > 1) {
                explanation.add("one line of testimony, " + line + ": " + String.join(", ", sources)
                        + " (" + String.join("; ", why) + ")");
            }
        });
        return lines;
    }

    /** Why a line weighs too little to count, in the words of its own sources. */
    private static String whyDiscounted(Draft d, String line, SourceGraph graph) {
        List<String> why = new ArrayList<>();
        d.testimonies.stream().map(Testimony::sourceId).filter(s -> graph.lineOf(s).equals(line)).distinct().sorted()
                .forEach(s -> {
                    Witness w = graph.witness(s);
                    if (w.retracted()) {
                        why.add(s + " is retracted");
                    } else if (graph.weightOf(s) < w.ownWeight()) {
                        why.add(s + " derives only from sources graded E or retracted");
                    } else {
                        why.add(s + " is graded " + w.grade().wire());
                    }
                });
        return String.join("; ", why);
    }

    private static String describe(Draft d) {
        return d.id + " (support " + fmt(d.support) + ", " + d.kept.size() + (d.kept.size() == 1 ? " line)" : " lines)");
    }

    static String fmt(double x) {
        // what String.format("%.3f") gives (half-up), without the cost of a Formatter on every decision
        return java.math.BigDecimal.valueOf(x).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A position while it is being weighed. */
    private static final class Draft {
        final Stance stance;
        final List<Value> values;
        final String id;
        final java.util.Set<String> keys;
        final List<Testimony> testimonies = new ArrayList<>();
        final Map<String, Double> kept = new TreeMap<>();
        final Map<String, Double> discounted = new TreeMap<>();
        final TreeSet<String> conflicts = new TreeSet<>();
        double support;
        Status status;

        Draft(Stance stance, List<Value> values) {
            this.stance = stance;
            this.values = List.copyOf(values);
            List<String> valueKeys = values.stream().map(Agreement::key).toList();
            this.keys = new java.util.HashSet<>(valueKeys);
            this.id = stance.wire() + " " + String.join(" | ", valueKeys);
        }

        /** A line's weight for this position is its best source here; support is the noisy-OR of kept lines. */
        void weigh(SourceGraph graph) {
            Map<String, Double> best = new TreeMap<>();
            for (Testimony t : testimonies) {
                best.merge(graph.lineOf(t.sourceId()), graph.weightOf(t.sourceId()), Math::max);
            }
            double doubt = 1;
            for (Map.Entry<String, Double> line : best.entrySet()) {
                if (line.getValue() <= DISCOUNT_AT + EPSILON) {
                    discounted.put(line.getKey(), line.getValue());
                } else {
                    kept.put(line.getKey(), line.getValue());
                    doubt *= 1 - line.getValue();
                }
            }
            support = kept.isEmpty() ? 0 : 1 - doubt;
        }

        Verdict.Position toPosition(SourceGraph graph, boolean multiple) {
            return new Verdict.Position(id, stance.wire(), values, Math.round(support * 1e6) / 1e6,
                    multiple && stance == Stance.ASSERTS ? status : null, List.copyOf(conflicts),
                    support(kept, graph), support(discounted, graph));
        }

        private List<Verdict.LineSupport> support(Map<String, Double> lines, SourceGraph graph) {
            List<Verdict.LineSupport> out = new ArrayList<>();
            lines.forEach((line, weight) -> {
                Map<String, List<String>> claimsBySource = new TreeMap<>();
                testimonies.stream().filter(t -> graph.lineOf(t.sourceId()).equals(line)).forEach(t ->
                        claimsBySource.computeIfAbsent(t.sourceId(), s -> new ArrayList<>()).add(t.claimId()));
                List<Verdict.SourceSupport> sources = new ArrayList<>();
                claimsBySource.forEach((source, claims) -> {
                    Witness w = graph.witness(source);
                    sources.add(new Verdict.SourceSupport(source, w.grade().wire(), graph.weightOf(source),
                            claims.stream().sorted().toList(), w.retraction()));
                });
                out.add(new Verdict.LineSupport(line, weight, sources));
            });
            return out;
        }
    }
}
