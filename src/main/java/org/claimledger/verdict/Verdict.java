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
        List<String> explanation) {

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

    /** A source testifying for a position: its grade, its weight after derivation caps, its claims. */
    public record SourceSupport(String source, String grade, double weight, List<String> claims) {
    }

    /** A line of testimony: the sources testifying here, and why they count as one voice. */
    public record Line(String id, List<String> sources, List<String> mergedBecause) {
    }
}
