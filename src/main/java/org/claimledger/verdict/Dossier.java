package org.claimledger.verdict;

import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.common.PinnedName;
import org.claimledger.entity.EntityEvent;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The one fold of everything a verdict depends on: propositions, their claims, and the sources with
 * their grades, lines and retractions. The live verdict view keeps a dossier as its working copy
 * and asks it, event by event, which verdicts moved; time travel ({@code asOf}) folds one from the
 * log; source time ({@code publishedBefore}) asks a dossier for the view from the sources it can
 * place. So the three clocks cannot disagree about the rules.
 *
 * <p>Every kind of event reaches it through its family's {@code Handler}: an event kind the dossier
 * does not handle does not compile. {@link #READS} lists, once, the families it reads; the log
 * reader and the log's indexes take their lists of event kinds from there.
 *
 * <p>Plain Java: no framework, no I/O. What a live view has let go of (to bound its memory) or never
 * read comes back through an {@link Archive}.
 */
public final class Dossier {

    /** The event families a verdict depends on; entities never bear on one. */
    public static final List<Class<?>> READS = List.of(PropositionEvent.class, ClaimEvent.class, SourceEvent.class);

    /** The pinned names of every event kind of these families, in that order. */
    public static List<String> kindsOf(Class<?> family) {
        return Arrays.stream(family.getPermittedSubclasses())
                .map(type -> type.getAnnotation(PinnedName.class).value()).toList();
    }

    /** Whether the event is of a family the verdicts read (on every event of the log: no streams here). */
    public static boolean reads(Object event) {
        for (Class<?> family : READS) {
            if (family.isInstance(event)) {
                return true;
            }
        }
        return false;
    }

    /** Every event kind a verdict reads. */
    public static List<String> kinds() {
        return READS.stream().flatMap(family -> kindsOf(family).stream()).toList();
    }

    /**
     * Where a long-lived dossier keeps what it does not hold in memory: the live view's tables. A
     * dossier folded from the log needs none ({@link #NONE}).
     */
    public interface Archive {
        Archive NONE = new Archive() {
            @Override
            public Collection<Witness> sources() {
                return List.of();
            }

            @Override
            public Optional<Case> proposition(String propositionId) {
                return Optional.empty();
            }

            @Override
            public Set<String> propositionsOf(String sourceId) {
                return Set.of();
            }
        };

        /** Every source, as last folded. */
        Collection<Witness> sources();

        /** A proposition not held: its question and live claims, and its verdict as last written. */
        Optional<Case> proposition(String propositionId);

        /** The propositions a source testifies on (a few it no longer does may linger: harmless). */
        Set<String> propositionsOf(String sourceId);
    }

    /** One proposition as the dossier holds it: the question, its live claims, the verdict last decided. */
    public static final class Case {
        private final Question question;
        private final PropositionDetails details;
        private final TreeMap<String, Testimony> live = new TreeMap<>();
        private Verdict verdict;
        /** The verdict as written by an earlier fold, when read back from an archive (then verdict is null). */
        private Object written;
        private Status status;
        private long bytes;

        public Case(Question question, PropositionDetails details) {
            this.question = question;
            this.details = details;
        }

        /** A case read back: the verdict as it was written ({@code written}, compared by its JSON tree). */
        public static Case archived(Question question, PropositionDetails details, Collection<Testimony> live,
                                    Status status, Object written) {
            Case c = new Case(question, details);
            live.forEach(t -> c.live.put(t.claimId(), t));
            c.status = status;
            c.written = written;
            return c;
        }

        public Question question() {
            return question;
        }

        public PropositionDetails details() {
            return details;
        }

        public Collection<Testimony> liveClaims() {
            return live.values();
        }

        public Status status() {
            return status;
        }

        /** The verdict as last decided by this dossier; null when read back and not decided since. */
        public Verdict verdict() {
            return verdict;
        }
    }

    /** A verdict that moved on an event: its proposition, the status before (null: just defined), the verdict now. */
    public record Moved(String propositionId, Status from, Verdict verdict, Case of) {
        public boolean statusChanged() {
            return from != verdict.status();
        }
    }

    /** How a verdict's new form is told from its written one (the view compares JSON trees). */
    public interface Sameness {
        boolean same(Object written, Verdict verdict);
    }

    private final Archive archive;
    private final Sameness sameness;
    private TreeMap<String, Witness> witnesses;
    private SourceGraph graph;
    /** Each source's line and weight when verdicts were last decided: who moved is who changed here. */
    private final Map<String, Placed> placed = new HashMap<>();
    private final LinkedHashMap<String, Case> cases = new LinkedHashMap<>(1024, 0.75f, true);
    private final Map<String, Set<String>> testifiesOn = new HashMap<>();
    private static final int MAX_SOURCES_KEPT = 50_000;
    private long bytes;

    private boolean sourcesChanged;
    /** Sources changed since the graph last took them in. */
    private final Set<String> unplaced = new LinkedHashSet<>();
    /** Sources whose line or weight the graph has worked out again since the last decision; null: all. */
    private Set<String> replaced = new java.util.HashSet<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private final Set<String> sourcesMoved = new TreeSet<>();

    private record Placed(String line, double weight) {
    }

    public Dossier() {
        this(Archive.NONE, (written, verdict) -> false);
    }

    public Dossier(Archive archive, Sameness sameness) {
        this.archive = archive;
        this.sameness = sameness;
    }

    // ---------------------------------------------------------------- folding

    /** Folds one event; events of no family the verdicts read (entities) change nothing. */
    public Dossier apply(Object event) {
        if (event instanceof PropositionEvent e) {
            e.accept(propositions);
        } else if (event instanceof ClaimEvent e) {
            e.accept(claims);
        } else if (event instanceof SourceEvent e) {
            e.accept(sources);
        } else if (!(event instanceof EntityEvent)) {
            throw new IllegalArgumentException("not an event of the ledger: " + event);
        }
        return this;
    }

    private final PropositionEvent.Handler<Void> propositions = new PropositionEvent.Handler<>() {
        @Override
        public Void defined(PropositionEvent.PropositionDefined e) {
            PropositionDetails d = e.details();
            Case c = new Case(new Question(e.propositionId(), d.valueType(), d.cardinality()), d);
            hold(e.propositionId(), c);
            touched.add(e.propositionId());
            return null;
        }
    };

    private final ClaimEvent.Handler<Void> claims = new ClaimEvent.Handler<>() {
        @Override
        public Void recorded(ClaimEvent.ClaimRecorded e) {
            Set<String> known = testifiesOn.get(e.sourceId());
            Case c = find(e.propositionId());
            if (known != null) {
                known.add(c == null ? e.propositionId() : c.question.propositionId()); // one copy of the id text
            }
            if (c != null) {
                c.live.put(e.claimId(), testimony(e.claimId(), e.sourceId(), e.content()));
                touched.add(e.propositionId());
            }
            return null;
        }

        @Override
        public Void revised(ClaimEvent.ClaimRevised e) {
            Case c = find(e.propositionId());
            if (c != null && c.live.containsKey(e.claimId())) {
                c.live.put(e.claimId(), testimony(e.claimId(), e.sourceId(), e.content()));
                touched.add(e.propositionId());
            }
            return null;
        }

        @Override
        public Void withdrawn(ClaimEvent.ClaimWithdrawn e) {
            Case c = find(e.propositionId());
            if (c != null) {
                c.live.remove(e.claimId());
                touched.add(e.propositionId());
            }
            return null;
        }
    };

    private final SourceEvent.Handler<Void> sources = new SourceEvent.Handler<>() {
        @Override
        public Void registered(SourceEvent.SourceRegistered e) {
            witnesses().put(e.sourceId(), Witness.of(e.sourceId(), e.details(), Grade.F));
            testifiesOn.put(e.sourceId(), new HashSet<>()); // a new source has made no claims yet
            return changed(e.sourceId());
        }

        @Override
        public Void revised(SourceEvent.SourceRevised e) {
            witnesses().computeIfPresent(e.sourceId(), (id, was) -> was.withDetails(e.details()));
            return changed(e.sourceId());
        }

        @Override
        public Void assessed(SourceEvent.SourceAssessed e) {
            witnesses().computeIfPresent(e.sourceId(), (id, was) -> was.withGrade(e.grade()));
            return changed(e.sourceId());
        }

        @Override
        public Void retracted(SourceEvent.SourceRetracted e) {
            Retraction r = new Retraction(e.reason(), e.date(), e.recordedBy());
            witnesses().computeIfPresent(e.sourceId(), (id, was) -> was.withRetraction(r));
            return changed(e.sourceId());
        }

        @Override
        public Void reinstated(SourceEvent.SourceReinstated e) {
            witnesses().computeIfPresent(e.sourceId(), (id, was) -> was.withRetraction(null));
            return changed(e.sourceId());
        }

        private Void changed(String sourceId) {
            sourcesChanged = true;
            sourcesMoved.add(sourceId); // its own row changes, whether or not its line or weight does
            unplaced.add(sourceId); // the graph takes it in when next asked
            return null;
        }
    };

    // ---------------------------------------------------------------- deciding

    /**
     * Re-decides every verdict the events folded since the last call can have moved, and only
     * those: the propositions they are about, and after a change to sources, the propositions on
     * which a source whose line or weight moved testifies. Returns the verdicts that moved.
     */
    public List<Moved> decide() {
        if (sourcesChanged) {
            sourcesChanged = false;
            SourceGraph g = graph();
            // only sources whose line or weight was worked out again can have moved
            for (String id : replaced == null ? witnesses.keySet() : replaced) {
                if (!g.knows(id)) {
                    continue;
                }
                Placed now = new Placed(g.lineOf(id), g.weightOf(id));
                Placed was = placed.put(id, now);
                if (was != null && !was.equals(now)) {
                    sourcesMoved.add(id);
                    touched.addAll(propositionsOf(id));
                }
            }
            replaced = new java.util.HashSet<>();
        }
        List<Moved> moved = new ArrayList<>();
        for (String id : touched) {
            Case c = find(id);
            if (c == null) {
                continue;
            }
            Verdict verdict = Verdicts.decide(c.question, List.copyOf(c.live.values()), graph());
            if (c.verdict != null ? c.verdict.equals(verdict) : c.written != null && sameness.same(c.written, verdict)) {
                continue;
            }
            Status from = c.status;
            c.verdict = verdict;
            c.written = null;
            c.status = verdict.status();
            weigh(c);
            moved.add(new Moved(id, from, verdict, c));
        }
        touched.clear();
        return moved;
    }

    /** The sources whose line, weight or details changed since the last call: their rows are due. */
    public Set<String> takeSourcesMoved() {
        Set<String> out = new TreeSet<>(sourcesMoved);
        sourcesMoved.clear();
        return out;
    }

    /** Whether the proposition is known (defined in what was folded, or in the archive). */
    public boolean defines(String propositionId) {
        return find(propositionId) != null;
    }

    public Optional<Case> proposition(String propositionId) {
        return Optional.ofNullable(find(propositionId));
    }

    /** The verdict as things stand. */
    public Verdict verdict(String propositionId) {
        Case c = required(propositionId);
        return Verdicts.decide(c.question, List.copyOf(c.live.values()), graph());
    }

    /**
     * The verdict as historiography stood at the end of {@code year} (domain.md, "Time"): only
     * claims of sources published by then are heard, and a retraction counts only once it was
     * published; undated sources cannot be placed and are left out, named. A view at the present year or later is the
     * live verdict: nothing published after today exists.
     */
    public Verdict verdict(String propositionId, int year, int presentYear) {
        if (year >= presentYear) {
            return verdict(propositionId);
        }
        Case c = required(propositionId);
        // lines and caps come from the whole graph as it now stands (ADR 5): a retelling of an
        // undated or later source is still capped by it; only a retraction is seen from its date
        TreeMap<String, Witness> asKnown = new TreeMap<>();
        for (Witness w : witnesses().values()) {
            asKnown.put(w.sourceId(), w.asKnownIn(year));
        }
        Set<String> undated = new TreeSet<>();
        Set<String> later = new TreeSet<>();
        List<Testimony> heard = new ArrayList<>();
        for (Testimony t : c.live.values()) {
            Witness w = witnesses.get(t.sourceId());
            if (w == null) {
                continue;
            }
            if (w.publishedBy(year)) {
                heard.add(t);
            } else if (w.published() == null) {
                undated.add(t.sourceId());
            } else {
                later.add(t.sourceId());
            }
        }
        return Verdicts.decide(c.question, heard, SourceGraph.of(asKnown))
                .inSourceTime(new Verdict.SourceTime(year, List.copyOf(undated), List.copyOf(later)));
    }

    /** Every source as last folded, by id. */
    public Map<String, Witness> witnessesById() {
        return java.util.Collections.unmodifiableMap(witnesses());
    }

    /** The sources' lines and weights as the rules see them now. */
    public SourceGraph graph() {
        if (graph == null) {
            graph = SourceGraph.of(witnesses());
            unplaced.clear();
            replaced = null;
        } else if (!unplaced.isEmpty()) {
            Set<String> again = graph.refresh(witnesses(), unplaced);
            unplaced.clear();
            if (replaced != null) {
                replaced.addAll(again);
            }
        }
        return graph;
    }

    // ---------------------------------------------------------------- memory

    /** Lets go of the least recently used propositions until the dossier holds about {@code budget} bytes. */
    public void trim(long budget, Consumer<Case> lettingGo) {
        Iterator<Map.Entry<String, Case>> oldest = cases.entrySet().iterator();
        while (bytes > budget && oldest.hasNext()) {
            Map.Entry<String, Case> entry = oldest.next();
            lettingGo.accept(entry.getValue());
            bytes -= entry.getValue().bytes;
            oldest.remove();
        }
    }

    /** Whether the dossier holds the proposition in memory now. */
    public boolean holds(String propositionId) {
        return cases.containsKey(propositionId);
    }

    // ---------------------------------------------------------------- inside

    private TreeMap<String, Witness> witnesses() {
        if (witnesses == null) {
            witnesses = new TreeMap<>();
            archive.sources().forEach(w -> witnesses.put(w.sourceId(), w));
            SourceGraph g = graph();
            witnesses.keySet().forEach(id -> placed.put(id, new Placed(g.lineOf(id), g.weightOf(id))));
        }
        return witnesses;
    }

    private Case required(String propositionId) {
        Case c = find(propositionId);
        if (c == null) {
            throw new IllegalStateException("proposition " + propositionId + " is not defined");
        }
        return c;
    }

    private Case find(String propositionId) {
        Case c = cases.get(propositionId);
        if (c == null) {
            c = archive.proposition(propositionId).orElse(null);
            if (c != null) {
                hold(propositionId, c);
            }
        }
        return c;
    }

    private void hold(String propositionId, Case c) {
        cases.put(propositionId, c);
        weigh(c);
    }

    /** Rough bytes held: the case, its verdict and each live claim. */
    private void weigh(Case c) {
        bytes -= c.bytes;
        int positions = c.verdict == null ? 4 : c.verdict.positions().size();
        c.bytes = 512 + 600L * positions + 500L * c.live.size();
        bytes += c.bytes;
    }

    private Set<String> propositionsOf(String sourceId) {
        Set<String> known = testifiesOn.get(sourceId);
        if (known == null) {
            if (testifiesOn.size() > MAX_SOURCES_KEPT) {
                testifiesOn.clear();
            }
            known = new HashSet<>(archive.propositionsOf(sourceId));
            testifiesOn.put(sourceId, known);
        }
        return known;
    }

    private static Testimony testimony(String claimId, String sourceId, ClaimContent content) {
        return new Testimony(claimId, sourceId, content.stance(), content.value());
    }
}
