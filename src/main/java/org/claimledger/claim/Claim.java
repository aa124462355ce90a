package org.claimledger.claim;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.claimledger.claim.ClaimCommand.RecordClaim;
import org.claimledger.claim.ClaimCommand.ReviseClaim;
import org.claimledger.claim.ClaimCommand.WithdrawClaim;
import org.claimledger.claim.ClaimEvent.ClaimRecorded;
import org.claimledger.claim.ClaimEvent.ClaimRevised;
import org.claimledger.claim.ClaimEvent.ClaimWithdrawn;
import org.claimledger.common.Checks;
import org.claimledger.common.Outcome;
import org.claimledger.common.References;
import org.claimledger.common.Rejection;
import org.claimledger.common.Value;
import org.claimledger.common.ValueType;
import org.claimledger.common.Versions;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One statement of one source about one proposition. Every claim is its own event stream: it is
 * recorded, perhaps revised, perhaps withdrawn, and never edited in place. Keeping claims apart from
 * their source keeps the cost of recording a claim flat however much a source says.
 */
public class Claim {

    static final String STREAM_PREFIX = "claim:";

    @AggregateIdentifier
    private String streamId;
    private String claimId;
    private String sourceId;
    private ClaimContent content;
    private boolean withdrawn;

    protected Claim() {
        // for Axon
    }

    public static String streamId(String claimId) {
        return STREAM_PREFIX + claimId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(RecordClaim command, References references) {
        if (content != null) {
            if (sourceId.equals(command.sourceId()) && content.equals(command.content())) {
                return Versions.unchanged();
            }
            throw Rejection.conflict("claim '" + command.claimId() + "' is already recorded"
                    + (sourceId.equals(command.sourceId()) ? " with other content" : " for source '" + sourceId + "'")
                    + "; revise it or choose another id");
        }
        if (!references.sourceExists(command.sourceId())) {
            throw Rejection.notFound("source", command.sourceId(), null);
        }
        checkContent(command.content(), references);
        apply(new ClaimRecorded(command.claimId(), command.sourceId(), command.content()));
        return Versions.changed();
    }

    @CommandHandler
    public Outcome handle(ReviseClaim command, References references) {
        belongsTo(command.sourceId());
        Versions.check(claimId, command.expectedVersion());
        if (withdrawn) {
            throw Rejection.conflict("claim '" + claimId + "' was withdrawn and cannot be revised");
        }
        if (!content.propositionId().equals(command.content().propositionId())) {
            throw Rejection.invalid("propositionId", "a claim keeps its proposition ('" + content.propositionId()
                    + "'); withdraw it and record a new claim instead");
        }
        if (content.equals(command.content())) {
            return Versions.unchanged();
        }
        checkContent(command.content(), references);
        apply(new ClaimRevised(claimId, sourceId, command.content(), command.reason()));
        return Versions.changed();
    }

    @CommandHandler
    public Outcome handle(WithdrawClaim command) {
        belongsTo(command.sourceId());
        Versions.check(claimId, command.expectedVersion());
        if (withdrawn) {
            throw Rejection.conflict("claim '" + claimId + "' is already withdrawn");
        }
        Checks checks = new Checks();
        checks.text("reason", command.reason(), true, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        apply(new ClaimWithdrawn(claimId, sourceId, content.propositionId(), command.reason()));
        return Versions.changed();
    }

    /** A claim is addressed under its source; under another source it does not exist. */
    private void belongsTo(String requestedSource) {
        if (!sourceId.equals(requestedSource)) {
            throw Rejection.notFound("claim", claimId + "' of source '" + requestedSource, null);
        }
    }

    private static void checkContent(ClaimContent content, References references) {
        ValueType type = references.propositionValueType(content.propositionId())
                .orElseThrow(() -> Rejection.notFound("proposition", content.propositionId(), "propositionId"));
        Checks checks = new Checks();
        if (!type.accepts(content.value())) {
            checks.fail("value", "proposition '" + content.propositionId() + "' takes a value of type "
                    + type.wire() + ", written " + type.example());
        } else if (content.value() instanceof Value.EntityRef ref && !references.entityExists(ref.entity())) {
            checks.fail("value.entity", "entity '" + ref.entity() + "' does not exist; define it first");
        }
        if (content.via() != null && !references.sourceExists(content.via())) {
            checks.fail("via", "source '" + content.via() + "' does not exist; register it first");
        }
        checks.throwIfAny();
    }

    @EventSourcingHandler
    void on(ClaimRecorded event) {
        streamId = streamId(event.claimId());
        claimId = event.claimId();
        sourceId = event.sourceId();
        content = event.content();
    }

    @EventSourcingHandler
    void on(ClaimRevised event) {
        content = event.content();
    }

    @EventSourcingHandler
    void on(ClaimWithdrawn event) {
        withdrawn = true;
    }
}
