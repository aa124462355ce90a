package org.claimledger.claim;

import org.axonframework.serialization.Revision;
import org.claimledger.common.PinnedName;

/** What has happened to claims. Stored for good: names and revisions are pinned. */
public sealed interface ClaimEvent {

    String claimId();

    String sourceId();

    String propositionId();

    @PinnedName("ClaimRecorded")
    @Revision("1")
    record ClaimRecorded(String claimId, String sourceId, ClaimContent content) implements ClaimEvent {
        @Override
        public String propositionId() {
            return content.propositionId();
        }
    }

    @PinnedName("ClaimRevised")
    @Revision("1")
    record ClaimRevised(String claimId, String sourceId, ClaimContent content, String reason) implements ClaimEvent {
        @Override
        public String propositionId() {
            return content.propositionId();
        }
    }

    @PinnedName("ClaimWithdrawn")
    @Revision("1")
    record ClaimWithdrawn(String claimId, String sourceId, String propositionId, String reason)
            implements ClaimEvent {
    }
}
