package org.claimledger.verdict;

import org.claimledger.common.PartialDate;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceDetails;

import java.util.List;

/**
 * What the verdict rules need to know of a source: its grade, the camp it speaks for, what it
 * rests on, when it was published, and its retraction if it has been retracted.
 */
public record Witness(String sourceId, Grade grade, String origin, List<String> derivedFrom, PartialDate published,
                      Retraction retraction) {

    public Witness {
        grade = grade == null ? Grade.F : grade;
        origin = origin == null ? SourceDetails.INDEPENDENT : origin;
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
    }

    public Witness(String sourceId, Grade grade, String origin, List<String> derivedFrom, PartialDate published) {
        this(sourceId, grade, origin, derivedFrom, published, null);
    }

    public static Witness of(String sourceId, SourceDetails details, Grade grade) {
        return new Witness(sourceId, grade, details.origin(), details.derivedFrom(), details.published(), null);
    }

    public boolean independent() {
        return SourceDetails.INDEPENDENT.equals(origin);
    }

    public boolean retracted() {
        return retraction != null;
    }

    /** What the source weighs on its own: nothing once retracted, else what its grade says. */
    public double ownWeight() {
        return retraction != null ? 0 : grade.weight();
    }

    public Witness withGrade(Grade newGrade) {
        return new Witness(sourceId, newGrade, origin, derivedFrom, published, retraction);
    }

    public Witness withDetails(SourceDetails details) {
        return new Witness(sourceId, grade, details.origin(), details.derivedFrom(), details.published(), retraction);
    }

    public Witness withRetraction(Retraction newRetraction) {
        return new Witness(sourceId, grade, origin, derivedFrom, published, newRetraction);
    }

    /** Whether source time can place it at or before the end of {@code year}. */
    public boolean publishedBy(int year) {
        return published != null && published.year() <= year;
    }

    /** The source as historiography knew it at the end of {@code year}: a later retraction had not happened. */
    public Witness asKnownIn(int year) {
        return retraction != null && !retraction.publishedBy(year) ? withRetraction(null) : this;
    }
}
