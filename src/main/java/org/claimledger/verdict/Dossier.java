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
        /** The verdict told in full, once asked for; null until then, and again whenever its evidence changes. */
        private Verdict verdict;
        private Status status;
        private int positions = 4;
        /** Whether something the verdict shows changed since it was last decided. */
        private boolean changed;
        private long bytes;

        public Case(Question question, PropositionDetails details) {
            this.question = question;
            this.details = details;
        }

        /** A case read back, with the status its verdict was written with. */
        public static Case archived(Question question, PropositionDetails details, Collection<Testimony> live,
                                    Status status) {
            Case c = new Case(question, details);
            live.forEach(t -> c.live.put(t.claimId(), t));
            c.status = status;
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
    }

    /**
     * A verdict that moved on an event: its proposition, the status before (null: just defined),
     * the status and lead now. The verdict told in full is worked out only when asked for
     * ({@link #verdict()}): a rebuild moves a verdict at nearly every event and writes it once.
     */
    public final class Moved {
        private final String propositionId;
        private final Status from;
        private final Verdicts.Standing now;
        private final Case of;

        Moved(String propositionId, Status from, Verdicts.Standing now, Case of) {
            this.propositionId = propositionId;
            this.from = from;
            this.now = now;
            this.of = of;
        }

        public String propositionId() {
            return propositionId;
        }

        public Status from() {
            return from;
        }

        public Verdicts.Standing now() {
            return now;
        }

        public Case of() {
            return of;
        }

        public boolean statusChanged() {
            return from != now.status();
        }

        /** The verdict in full, as things stand when asked. */
        public Verdict verdict() {
            return verdictOf(of);
        }
    }

    private final Archive archive;
    private TreeMap<String, Witness> witnesses;
    private SourceGraph graph;
    /** Which changes to sources show in which verdicts. */
    private final SourceChanges sourceChanges = new SourceChanges();
    private final LinkedHashMap<String, Case> cases = new LinkedHashMap<>(1024, 0.75f, true);
    private final Map<String, Set<String>> testifiesOn = new HashMap<>();
    private static final int MAX_SOURCES_KEPT = 50_000;
    private long bytes;

    private boolean sourcesChanged;
    /** Sources changed since the graph last took them in. */
    private final Set<String> unplaced = new LinkedHashSet<>();
    /** Sources whose line or weight the graph has worked out again since the last decision; null: all. */
    private Set<String> replaced = new java.util.HashSet<>();
    /** Propositions whose verdict's evidence changed since the last decision. */
    private Set<String> touched = new LinkedHashSet<>();
    private final Set<String> sourcesMoved = new TreeSet<>();

    public Dossier() {
        this(Archive.NONE);
    }

    public Dossier(Archive archive) {
        this.archive = archive;
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
            changed(c);
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
                Testimony t = testimony(e.claimId(), e.sourceId(), e.content());
                Testimony was = c.live.put(e.claimId(), t);
                if (!t.equals(was) && (heard(c, t) || was != null && heard(c, was))) {
                    changed(c);
                }
            }
            return null;
        }

        @Override
        public Void revised(ClaimEvent.ClaimRevised e) {
            Case c = find(e.propositionId());
            if (c != null && c.live.containsKey(e.claimId())) {
                Testimony t = testimony(e.claimId(), e.sourceId(), e.content());
                Testimony was = c.live.put(e.claimId(), t);
                if (!t.equals(was) && (heard(c, t) || heard(c, was))) {
                    changed(c);
                }
            }
            return null;
        }

        @Override
        public Void withdrawn(ClaimEvent.ClaimWithdrawn e) {
            Case c = find(e.propositionId());
            if (c != null) {
                Testimony was = c.live.remove(e.claimId());
                if (was != null && heard(c, was)) {
                    changed(c);
                }
            }
            return null;
        }
    };

    private final SourceEvent.Handler<Void> sources = new SourceEvent.Handler<>() {
        @Override
        public Void registered(SourceEvent.SourceRegistered e) {
            sourceChanges.changing(e.sourceId(), witnesses().get(e.sourceId()));
            witnesses().put(e.sourceId(), Witness.of(e.sourceId(), e.details(), Grade.F));
            testifiesOn.put(e.sourceId(), new HashSet<>()); // a new source has made no claims yet
            return changed(e.sourceId());
        }

        @Override
        public Void revised(SourceEvent.SourceRevised e) {
            before(e.sourceId());
            witnesses().computeIfPresent(e.sourceId(), (id, was) -> was.withDetails(e.details()));
            return changed(e.sourceId());
        }

        @Override
        public Void assessed(SourceEvent.SourceAssessed e) {
            before(e.sourceId());
            witnesses().computeIfPresent(e.sourceId(), (id, was) -> was.withGrade(e.grade()));
            return changed(e.sourceId());
        }

        @Override
        public Void retracted(SourceEvent.SourceRetracted e) {
            Retraction r = new Retraction(e.reason(), e.date(), e.recordedBy());
            before(e.sourceId());
            witnesses().computeIfPresent(e.sourceId(), (id, was) -> was.withRetraction(r));
            return changed(e.sourceId());
        }

        @Override
        public Void reinstated(SourceEvent.SourceReinstated e) {
            before(e.sourceId());
            witnesses().computeIfPresent(e.sourceId(), (id, was) -> was.withRetraction(null));
            return changed(e.sourceId());
        }

        private void before(String sourceId) {
            sourceChanges.changing(sourceId, witnesses().get(sourceId));
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
     * Re-decides every verdict whose evidence the events folded since the last call changed, and
     * only those: the propositions they are about, and after a change to sources, those on which a
     * source testifies whose line or weight moved, or whose grade, retraction, origin or links (what
     * a verdict shows of it) changed. Returns the verdicts that moved, with their status and lead;
     * the verdict told in full waits until asked for ({@link #verdictOf}).
     *
     * <p>A verdict is a function of its evidence, so one whose evidence changed has moved and one
     * whose evidence did not has not: nothing is compared after deciding.
     */
    public List<Moved> decide() {
        if (sourcesChanged) {
            sourcesChanged = false;
            SourceGraph g = graph();
            SourceChanges.Shown shown = sourceChanges.settle(g, witnesses,
                    replaced == null ? witnesses.keySet() : replaced, sourcesMoved);
            replaced = new java.util.HashSet<>();
            for (String sourceId : shown.sources()) {
                for (String propositionId : propositionsOf(sourceId)) {
                    Case c = find(propositionId);
                    if (c != null && !c.changed && shown.showIn(heardSources(c), g)) {
                        changed(c);
                    }
                }
            }
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        List<Moved> moved = new ArrayList<>(touched.size());
        SourceGraph g = graph();
        for (String id : touched) {
            Case c = cases.get(id);
            if (c == null || !c.changed) { // let go of meanwhile: it was decided then
                continue;
            }
            Verdicts.Standing now = Verdicts.standing(c.question, c.live.values(), g);
            Status from = c.status;
            c.changed = false;
            c.verdict = null;
            c.status = now.status();
            c.positions = now.positions();
            weigh(c);
            moved.add(new Moved(id, from, now, c));
        }
        // a new set, not clear(): a set that once held a rebuild's thousands keeps its table, and clears it whole
        touched = new LinkedHashSet<>();
        return moved;
    }

    /** The verdict told in full, as things stand; worked out once until its evidence changes. */
    public Verdict verdictOf(Case c) {
        if (c.verdict != null && !c.changed && !sourcesChanged) {
            return c.verdict;
        }
        Verdict verdict = Verdicts.decide(c.question, List.copyOf(c.live.values()), graph());
        if (!c.changed && !sourcesChanged) { // kept only while nothing waits to be decided
            c.verdict = verdict;
        }
        return verdict;
    }

    private void changed(Case c) {
        c.verdict = null;
        c.changed = true;
        touched.add(c.question.propositionId());
    }

    /** Whether the rules hear a claim on this question at all (a known source, a value of its type). */
    private boolean heard(Case c, Testimony t) {
        return graph().knows(t.sourceId()) && c.question.valueType().accepts(t.value());
    }

    /** The sources whose claims on this question the rules hear. */
    private Set<String> heardSources(Case c) {
        Set<String> heard = new HashSet<>();
        for (Testimony t : c.live.values()) {
            if (heard(c, t)) {
                heard.add(t.sourceId());
            }
        }
        return heard;
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
        return verdictOf(required(propositionId));
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
            sourceChanges.placed(g, witnesses.keySet());
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
        c.bytes = 512 + 600L * c.positions + 500L * c.live.size();
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
