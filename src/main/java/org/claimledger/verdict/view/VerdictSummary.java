package org.claimledger.verdict.view;

import org.claimledger.verdict.Verdict;

import java.util.List;

/** A verdict in brief, for lists: each position with its support and how many independent lines back it. */
public record VerdictSummary(String status, String leading, List<PositionBrief> positions) {

    /** One position in brief. */
    public record PositionBrief(String id, String stance, double support, int lines, int discountedLines) {
    }

    static VerdictSummary of(Verdict verdict) {
        return new VerdictSummary(verdict.status().wire(), verdict.leading(), verdict.positions().stream()
                .map(p -> new PositionBrief(p.id(), p.stance(), p.support(), p.lines().size(), p.discountedLines().size()))
                .toList());
    }
}
