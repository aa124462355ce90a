package org.claimledger.entity;

import org.axonframework.serialization.Revision;
import org.claimledger.common.PinnedName;

/** What has happened to entities. Stored for good: names and revisions are pinned. */
public sealed interface EntityEvent {

    String entityId();

    @PinnedName("EntityDefined")
    @Revision("1")
    record EntityDefined(String entityId, EntityDetails details) implements EntityEvent {
    }
}
