package org.claimledger.claim;

import org.axonframework.serialization.Revision;
import org.claimledger.common.PinnedName;

/** What has happened to claims. Stored for good: names and revisions are pinned. */
public sealed interface ClaimEvent {

    String claimId();

    String sourceId();

    String propositionId();

    <R> R accept(Handler<R> handler);

    /** One method per kind of claim event: a new kind does not compile until every fold handles it. */
    interface Handler<R> {
        R recorded(ClaimRecorded event);

        R revised(ClaimRevised event);

        R withdrawn(ClaimWithdrawn event);
    }

    @PinnedName("ClaimRecorded")
    @Revision("1")
    record ClaimRecorded(String claimId, String sourceId, ClaimContent content) implements ClaimEvent {
        @Override
        public String propositionId() {
            return content.propositionId();
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.recorded(this);
        }
    }

    @PinnedName("ClaimRevised")
    @Revision("1")
    record ClaimRevised(String claimId, String sourceId, ClaimContent content, String reason) implements ClaimEvent {
        @Override
        public String propositionId() {
            return content.propositionId();
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.revised(this);
        }
    }

    @PinnedName("ClaimWithdrawn")
    @Revision("1")
    record ClaimWithdrawn(String claimId, String sourceId, String propositionId, String reason)
            implements ClaimEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.withdrawn(this);
        }
    }
}
