package org.claimledger.proposition;

import org.axonframework.serialization.Revision;
import org.claimledger.common.PinnedName;

/** What has happened to propositions. Stored for good: names and revisions are pinned. */
public sealed interface PropositionEvent {

    String propositionId();

    <R> R accept(Handler<R> handler);

    /** One method per kind of proposition event: a new kind does not compile until every fold handles it. */
    interface Handler<R> {
        R defined(PropositionDefined event);
    }

    @PinnedName("PropositionDefined")
    @Revision("1")
    record PropositionDefined(String propositionId, PropositionDetails details) implements PropositionEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.defined(this);
        }
    }
}
