package org.claimledger.verdict;

import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceEvent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a verdict on one proposition depends on, folded from events: the question, its claims
 * (withdrawn ones kept aside), and the sources. The live verdict view, time travel ({@code asOf})
 * and source time ({@code publishedBefore}) all decide from a dossier, so they cannot disagree.
 */
public final class Dossier {

    private final String propositionId;
    private Question question;
    private final Map<String, Testimony> live = new TreeMap<>();
    private final Map<String, Witness> witnesses = new LinkedHashMap<>();

    public Dossier(String propositionId) {
        this.propositionId = propositionId;
    }

    public Dossier(Question question) {
        this(question.propositionId());
        this.question = question;
    }

    public String propositionId() {
        return propositionId;
    }

    public boolean defined() {
        return question != null;
    }

    /** Folds one event into the dossier; events about other propositions change nothing. */
    public Dossier apply(Object event) {
        if (event instanceof PropositionEvent.PropositionDefined defined && defined.propositionId().equals(propositionId)) {
            question = new Question(propositionId, defined.details().valueType(), defined.details().cardinality());
        } else if (event instanceof ClaimEvent.ClaimRecorded recorded && recorded.propositionId().equals(propositionId)) {
            live.put(recorded.claimId(), testimony(recorded.claimId(), recorded.sourceId(), recorded.content()));
        } else if (event instanceof ClaimEvent.ClaimRevised revised && revised.propositionId().equals(propositionId)) {
            live.put(revised.claimId(), testimony(revised.claimId(), revised.sourceId(), revised.content()));
        } else if (event instanceof ClaimEvent.ClaimWithdrawn withdrawn && withdrawn.propositionId().equals(propositionId)) {
            live.remove(withdrawn.claimId());
        } else if (event instanceof SourceEvent.SourceRegistered registered) {
            witnesses.put(registered.sourceId(), Witness.of(registered.sourceId(), registered.details(), Grade.F));
        } else if (event instanceof SourceEvent.SourceRevised revised && witnesses.containsKey(revised.sourceId())) {
            Grade grade = witnesses.get(revised.sourceId()).grade();
            witnesses.put(revised.sourceId(), Witness.of(revised.sourceId(), revised.details(), grade));
        } else if (event instanceof SourceEvent.SourceAssessed assessed && witnesses.containsKey(assessed.sourceId())) {
            witnesses.put(assessed.sourceId(), witnesses.get(assessed.sourceId()).withGrade(assessed.grade()));
        }
        return this;
    }

    public Dossier claim(Testimony testimony) {
        live.put(testimony.claimId(), testimony);
        return this;
    }

    public Dossier witness(Witness witness) {
        witnesses.put(witness.sourceId(), witness);
        return this;
    }

    public Dossier witnesses(Collection<Witness> all) {
        all.forEach(this::witness);
        return this;
    }

    public Collection<Testimony> liveClaims() {
        return live.values();
    }

    /** The verdict as things stand. */
    public Verdict verdict() {
        return verdict(null);
    }

    /**
     * The verdict from sources published up to {@code publishedBefore} (a year, inclusive) only; sources
     * without a known date are left out then, since they cannot be placed before it.
     */
    public Verdict verdict(Integer publishedBefore) {
        if (question == null) {
            throw new IllegalStateException("proposition " + propositionId + " is not defined");
        }
        List<Testimony> counted = live.values().stream()
                .filter(t -> publishedBefore == null || publishedBy(t.sourceId(), publishedBefore))
                .toList();
        return Verdicts.decide(question, counted, SourceGraph.of(witnesses.values()));
    }

    private boolean publishedBy(String sourceId, int year) {
        Witness w = witnesses.get(sourceId);
        return w != null && w.published() != null && w.published().year() <= year;
    }

    private static Testimony testimony(String claimId, String sourceId, ClaimContent content) {
        return new Testimony(claimId, sourceId, content.stance(), content.value());
    }
}
