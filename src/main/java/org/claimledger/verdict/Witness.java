package org.claimledger.verdict;

import org.claimledger.common.PartialDate;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceDetails;

import java.util.List;

/** What the verdict rules need to know of a source: its grade, the camp it speaks for, what it rests on. */
public record Witness(String sourceId, Grade grade, String origin, List<String> derivedFrom, PartialDate published) {

    public Witness {
        grade = grade == null ? Grade.F : grade;
        origin = origin == null ? SourceDetails.INDEPENDENT : origin;
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
    }

    public static Witness of(String sourceId, SourceDetails details, Grade grade) {
        return new Witness(sourceId, grade, details.origin(), details.derivedFrom(), details.published());
    }

    public boolean independent() {
        return SourceDetails.INDEPENDENT.equals(origin);
    }

    public Witness withGrade(Grade newGrade) {
        return new Witness(sourceId, newGrade, origin, derivedFrom, published);
    }
}
