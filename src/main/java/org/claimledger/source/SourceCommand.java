package org.claimledger.source;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a source. Each targets the source's own stream in the event log. */
public sealed interface SourceCommand {

    String sourceId();

    @TargetAggregateIdentifier
    default String streamId() {
        return Source.streamId(sourceId());
    }

    /** Register a source; the same id with the same details again is a no-op, with other details a conflict. */
    record RegisterSource(String sourceId, SourceDetails details) implements SourceCommand {
    }

    /** Correct what is recorded about a source (a new origin, a derivation found later...). */
    record ReviseSource(String sourceId, SourceDetails details, String reason, Long expectedVersion)
            implements SourceCommand {
    }

    /**
     * A reviewer's judgement of the source's reliability; the latest stands, all are kept. With
     * {@code onceOnly} (corpus imports) an assessment identical to one already recorded is not
     * recorded again, so importing a file twice changes nothing.
     */
    record AssessSource(String sourceId, Grade grade, String rationale, Long expectedVersion, boolean onceOnly)
            implements SourceCommand {

        public AssessSource(String sourceId, Grade grade, String rationale, Long expectedVersion) {
            this(sourceId, grade, rationale, expectedVersion, false);
        }
    }

    /**
     * Who records a retraction or its withdrawal is named in the event: taken from the command's
     * {@code recordedBy} metadata, as on every event the ledger stores.
     *
     * <p>Record that the source was retracted (withdrawn by its publisher, shown forged or fabricated):
     * {@code date} is when the retraction was published. The same retraction again is a no-op.
     */
    record RetractSource(String sourceId, String reason, org.claimledger.common.PartialDate date, Long expectedVersion)
            implements SourceCommand {
    }

    /** Withdraw the source's retraction: the source is reinstated. Refused when it is not retracted. */
    record ReinstateSource(String sourceId, String reason, Long expectedVersion)
            implements SourceCommand {
    }
}
