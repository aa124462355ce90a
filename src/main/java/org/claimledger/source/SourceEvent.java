package org.claimledger.source;

import org.axonframework.serialization.Revision;
import org.claimledger.common.PinnedName;

/** What has happened to sources. Stored for good: names and revisions are pinned. */
public sealed interface SourceEvent {

    String sourceId();

    @PinnedName("SourceRegistered")
    @Revision("1")
    record SourceRegistered(String sourceId, SourceDetails details) implements SourceEvent {
    }

    @PinnedName("SourceRevised")
    @Revision("1")
    record SourceRevised(String sourceId, SourceDetails details, String reason) implements SourceEvent {
    }

    @PinnedName("SourceAssessed")
    @Revision("1")
    record SourceAssessed(String sourceId, Grade grade, String rationale) implements SourceEvent {
    }
}
