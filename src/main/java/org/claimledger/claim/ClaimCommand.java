package org.claimledger.claim;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a claim. Each claim is its own stream in the event log. */
public sealed interface ClaimCommand {

    String claimId();

    String sourceId();

    @TargetAggregateIdentifier
    default String streamId() {
        return Claim.streamId(claimId());
    }

    /** Record what a source says; the same claim again is a no-op, another claim under the same id a conflict. */
    record RecordClaim(String claimId, String sourceId, ClaimContent content) implements ClaimCommand {
    }

    /** Correct a recorded claim (a misread quote, a better locator); the earlier reading stays in the log. */
    record ReviseClaim(String claimId, String sourceId, ClaimContent content, String reason, Long expectedVersion)
            implements ClaimCommand {
    }

    /** Take a claim back, saying why; it stays in the log but no longer counts. */
    record WithdrawClaim(String claimId, String sourceId, String reason, Long expectedVersion)
            implements ClaimCommand {
    }
}
