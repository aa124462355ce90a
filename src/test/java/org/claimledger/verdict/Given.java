package org.claimledger.verdict;

import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.claim.Stance;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.common.ValueType;
import org.claimledger.proposition.Cardinality;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceDetails;
import org.claimledger.source.SourceEvent;
import org.claimledger.source.SourceKind;

import java.util.ArrayList;
import java.util.List;

/** The events of the verdict tests, written short: a dossier is always given events, never its insides. */
final class Given {

    private Given() {
    }

    static PropositionEvent.PropositionDefined defined(String id, ValueType type, Cardinality cardinality) {
        return new PropositionEvent.PropositionDefined(id,
                new PropositionDetails("krakow", "asked of " + id, type, cardinality, "label of " + id));
    }

    static SourceEvent.SourceRegistered registered(String id, String origin, List<String> derivedFrom, String published) {
        return new SourceEvent.SourceRegistered(id, details(origin, derivedFrom, published));
    }

    static SourceDetails details(String origin, List<String> derivedFrom, String published) {
        return new SourceDetails("a source", List.of(), SourceKind.OTHER,
                published == null ? null : PartialDate.parse(published), "en", origin, derivedFrom, null);
    }

    static SourceEvent.SourceAssessed assessed(String id, Grade grade) {
        return new SourceEvent.SourceAssessed(id, grade, "graded " + grade.wire() + " in the test");
    }

    static SourceEvent.SourceRetracted retracted(String id, String date) {
        return new SourceEvent.SourceRetracted(id, "shown to be forged", PartialDate.parse(date), "reviewer-1");
    }

    static SourceEvent.SourceReinstated reinstated(String id) {
        return new SourceEvent.SourceReinstated(id, "the forgery finding was itself wrong", "reviewer-1");
    }

    static ClaimEvent.ClaimRecorded recorded(String claimId, String sourceId, String propositionId, Stance stance, Value value) {
        return new ClaimEvent.ClaimRecorded(claimId, sourceId, content(propositionId, stance, value));
    }

    static ClaimContent content(String propositionId, Stance stance, Value value) {
        return new ClaimContent(propositionId, stance, value, null, null, null, null, null, null, null);
    }

    static ClaimEvent.ClaimWithdrawn withdrawn(String claimId, String sourceId, String propositionId) {
        return new ClaimEvent.ClaimWithdrawn(claimId, sourceId, propositionId, "withdrawn in the test");
    }

    /** A source as its events: registered, then assessed unless its grade is F (every source starts at F). */
    static List<Object> source(Witness w) {
        List<Object> events = new ArrayList<>();
        events.add(new SourceEvent.SourceRegistered(w.sourceId(), new SourceDetails("a source", List.of(),
                SourceKind.OTHER, w.published(), "en", w.origin(), w.derivedFrom(), null)));
        if (w.grade() != Grade.F) {
            events.add(assessed(w.sourceId(), w.grade()));
        }
        return events;
    }

    static Dossier dossier(Object... events) {
        Dossier dossier = new Dossier();
        for (Object e : events) {
            if (e instanceof List<?> many) {
                many.forEach(dossier::apply);
            } else {
                dossier.apply(e);
            }
        }
        return dossier;
    }

    static Value.EntityRef entity(String id) {
        return new Value.EntityRef(id);
    }
}
