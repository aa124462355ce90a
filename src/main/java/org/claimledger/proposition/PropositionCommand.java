package org.claimledger.proposition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a proposition. */
public sealed interface PropositionCommand {

    String propositionId();

    @TargetAggregateIdentifier
    default String streamId() {
        return Proposition.streamId(propositionId());
    }

    /** Define a proposition; the same again is a no-op, another definition under the same id a conflict. */
    record DefineProposition(String propositionId, PropositionDetails details) implements PropositionCommand {
    }
}
