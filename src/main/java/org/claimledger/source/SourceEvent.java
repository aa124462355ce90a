package org.claimledger.source;

import org.axonframework.serialization.Revision;
import org.claimledger.common.PartialDate;
import org.claimledger.common.PinnedName;

/**
 * What has happened to sources. Stored for good: names and revisions are pinned.
 *
 * <p>Whoever folds these events takes them through a {@link Handler}, one method per kind: a new
 * kind of event does not compile until every fold says what it makes of it (Java 17 has no
 * pattern {@code switch} over sealed types; the visitor gives the same guarantee).
 */
public sealed interface SourceEvent {

    String sourceId();

    <R> R accept(Handler<R> handler);

    /** One method per kind of source event. */
    interface Handler<R> {
        R registered(SourceRegistered event);

        R revised(SourceRevised event);

        R assessed(SourceAssessed event);

        R retracted(SourceRetracted event);

        R reinstated(SourceReinstated event);
    }

    /** Revision 2: the details carry {@code bibliography} (revision 1 had none; upcast as null). */
    @PinnedName("SourceRegistered")
    @Revision("2")
    record SourceRegistered(String sourceId, SourceDetails details) implements SourceEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.registered(this);
        }
    }

    /** Revision 2: as {@link SourceRegistered}. */
    @PinnedName("SourceRevised")
    @Revision("2")
    record SourceRevised(String sourceId, SourceDetails details, String reason) implements SourceEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.revised(this);
        }
    }

    @PinnedName("SourceAssessed")
    @Revision("1")
    record SourceAssessed(String sourceId, Grade grade, String rationale) implements SourceEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.assessed(this);
        }
    }

    /**
     * The source was withdrawn by its publisher, or shown to be forged or fabricated: it weighs
     * nothing from now on. {@code date} is when the retraction was published (source time), and
     * {@code recordedBy} who entered it in the ledger.
     */
    @PinnedName("SourceRetracted")
    @Revision("1")
    record SourceRetracted(String sourceId, String reason, PartialDate date, String recordedBy) implements SourceEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.retracted(this);
        }
    }

    /** The retraction was itself withdrawn: the source weighs what its grade says again. */
    @PinnedName("SourceReinstated")
    @Revision("1")
    record SourceReinstated(String sourceId, String reason, String recordedBy) implements SourceEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.reinstated(this);
        }
    }
}
