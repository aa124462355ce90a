package org.claimledger.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.claimledger.common.Value;

import java.util.List;

/**
 * A proposition's verdict and why it holds: every position with its lines of testimony and their
 * sources, which lines were set aside as discounted, which sources were merged into one line and
 * why, the support figures, and the reasoning in plain sentences.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verdict(
        String propositionId,
        Status status,
        String leading,
        List<String> tied,
        List<Position> positions,
        List<Line> lines,
        List<String> explanation,
        SourceTime sourceTime) {

    public Verdict(String propositionId, Status status, String leading, List<String> tied, List<Position> positions,
                   List<Line> lines, List<String> explanation) {
        this(propositionId, status, leading, tied, positions, lines, explanation, null);
    }

    /** The same verdict, as a view in source time that heard only the sources it could place. */
    public Verdict inSourceTime(SourceTime view) {
        return new Verdict(propositionId, status, leading, tied, positions, lines, explanation, view);
    }

    /**
     * How a source-time view ({@code publishedBefore}) was drawn: the year, and every source
     * testifying here that it left out, named: the undated ones (source time cannot place them)
     * and those published after the year.
     */
    public record SourceTime(int publishedBefore, List<String> undatedSourcesLeftOut, List<String> laterSourcesLeftOut) {
    }

    /** A set of mutually compatible asserted values, or the denial of a value, with what supports it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Position(
            String id,
            String stance,
            List<Value> values,
            double support,
            Status status,
            List<String> conflictsWith,
            List<LineSupport> lines,
            List<LineSupport> discountedLines) {
    }

    /** One line of testimony behind a position: its weight for the position and the sources that give it. */
    public record LineSupport(String line, double weight, List<SourceSupport> sources) {
    }

    /**
     * A source testifying for a position: its grade, its weight after derivation caps, its claims,
     * and its retraction when it has been retracted (then it weighs nothing).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceSupport(String source, String grade, double weight, List<String> claims, Retraction retraction) {
    }

    /** A line of testimony: the sources testifying here, and why they count as one voice. */
    public record Line(String id, List<String> sources, List<String> mergedBecause) {
    }
}
