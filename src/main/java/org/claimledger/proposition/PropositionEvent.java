package org.claimledger.proposition;

import org.axonframework.serialization.Revision;
import org.claimledger.common.PinnedName;

/** What has happened to propositions. Stored for good: names and revisions are pinned. */
public sealed interface PropositionEvent {

    String propositionId();

    @PinnedName("PropositionDefined")
    @Revision("1")
    record PropositionDefined(String propositionId, PropositionDetails details) implements PropositionEvent {
    }
}
