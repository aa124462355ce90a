package org.claimledger.verdict;

import org.claimledger.claim.Stance;
import org.claimledger.common.Value;

/** One live claim as the verdict rules see it: who says what about the question. */
public record Testimony(String claimId, String sourceId, Stance stance, Value value) {
}
