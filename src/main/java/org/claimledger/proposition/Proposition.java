package org.claimledger.proposition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.claimledger.common.Outcome;
import org.claimledger.common.References;
import org.claimledger.common.Rejection;
import org.claimledger.common.Versions;
import org.claimledger.proposition.PropositionCommand.DefineProposition;
import org.claimledger.proposition.PropositionEvent.PropositionDefined;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A question the ledger collects claims about. Its value type is fixed once defined: every claim
 * recorded against it was checked against that type.
 */
public class Proposition {

    static final String STREAM_PREFIX = "proposition:";

    @AggregateIdentifier
    private String streamId;
    private PropositionDetails details;

    protected Proposition() {
        // for Axon
    }

    public static String streamId(String propositionId) {
        return STREAM_PREFIX + propositionId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(DefineProposition command, References references) {
        if (details != null) {
            if (details.equals(command.details())) {
                return Versions.unchanged();
            }
            throw Rejection.conflict("proposition '" + command.propositionId() + "' is already defined otherwise");
        }
        if (!references.entityExists(command.details().subject())) {
            throw Rejection.invalid("subject", "entity '" + command.details().subject()
                    + "' does not exist; define it first");
        }
        apply(new PropositionDefined(command.propositionId(), command.details()));
        return Versions.changed();
    }

    @EventSourcingHandler
    void on(PropositionDefined event) {
        streamId = streamId(event.propositionId());
        details = event.details();
    }
}
