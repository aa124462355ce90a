package org.claimledger.source;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.claimledger.common.Checks;
import org.claimledger.common.Outcome;
import org.claimledger.common.References;
import org.claimledger.common.Rejection;
import org.claimledger.common.Versions;
import org.claimledger.source.SourceCommand.AssessSource;
import org.claimledger.source.SourceCommand.RegisterSource;
import org.claimledger.source.SourceCommand.ReviseSource;
import org.claimledger.source.SourceEvent.SourceAssessed;
import org.claimledger.source.SourceEvent.SourceRegistered;
import org.claimledger.source.SourceEvent.SourceRevised;
import org.claimledger.source.SourceEvent.SourceRetracted;
import org.claimledger.source.SourceEvent.SourceReinstated;
import org.claimledger.source.SourceCommand.RetractSource;
import org.claimledger.source.SourceCommand.ReinstateSource;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A source and its reliability history. Claims are not part of it (each claim is its own
 * aggregate), so a source with ten thousand claims loads as fast as one with none.
 */
public class Source {

    static final String STREAM_PREFIX = "source:";
    /** The metadata every command carries: who sent it (see the web layer's writer). */
    static final String RECORDED_BY = "recordedBy";

    @AggregateIdentifier
    private String streamId;
    private String sourceId;
    private SourceDetails details;
    private final java.util.Set<String> assessments = new java.util.HashSet<>();
    /** The retraction in force, or null. */
    private SourceRetracted retraction;

    protected Source() {
        // for Axon
    }

    public static String streamId(String sourceId) {
        return STREAM_PREFIX + sourceId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(RegisterSource command, References references) {
        if (details != null) {
            if (details.equals(command.details())) {
                return Versions.unchanged();
            }
            throw Rejection.conflict("source '" + command.sourceId()
                    + "' is already registered with other details; revise it instead");
        }
        checkDerivations(command.sourceId(), command.details().derivedFrom(), references);
        apply(new SourceRegistered(command.sourceId(), command.details()));
        return Versions.changed();
    }

    @CommandHandler
    public Outcome handle(ReviseSource command, References references) {
        Versions.check(sourceId, command.expectedVersion());
        if (details.equals(command.details())) {
            return Versions.unchanged();
        }
        checkDerivations(sourceId, command.details().derivedFrom(), references);
        apply(new SourceRevised(sourceId, command.details(), command.reason()));
        return Versions.changed();
    }

    @CommandHandler
    public Outcome handle(AssessSource command) {
        Versions.check(sourceId, command.expectedVersion());
        Checks checks = new Checks();
        if (command.grade() == null) {
            checks.fail("grade", "is required; one of A, B, C, D, E, F");
        }
        checks.text("rationale", command.rationale(), true, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        if (command.onceOnly() && assessments.contains(command.grade().wire() + " " + command.rationale())) {
            return Versions.unchanged();
        }
        apply(new SourceAssessed(sourceId, command.grade(), command.rationale()));
        return Versions.changed();
    }

    @CommandHandler
    public Outcome handle(RetractSource command, @MetaDataValue(RECORDED_BY) String recordedBy) {
        Versions.check(sourceId, command.expectedVersion());
        Checks checks = new Checks();
        String reason = checks.text("reason", command.reason(), true, Checks.MAX_LONG_TEXT);
        if (command.date() == null) {
            checks.fail("date", "is required: when the retraction was published, such as 1983 or 1983-05-06");
        }
        checks.throwIfAny();
        if (retraction != null) {
            if (retraction.reason().equals(reason) && retraction.date().equals(command.date())) {
                return Versions.unchanged();
            }
            throw Rejection.conflict("source '" + sourceId + "' is already retracted (" + retraction.date()
                    + ": " + retraction.reason() + "); withdraw that retraction first");
        }
        apply(new SourceRetracted(sourceId, reason, command.date(), recordedBy));
        return Versions.changed();
    }

    @CommandHandler
    public Outcome handle(ReinstateSource command, @MetaDataValue(RECORDED_BY) String recordedBy) {
        Versions.check(sourceId, command.expectedVersion());
        Checks checks = new Checks();
        String reason = checks.text("reason", command.reason(), true, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        if (retraction == null) {
            throw Rejection.conflict("source '" + sourceId + "' is not retracted: there is no retraction to withdraw");
        }
        apply(new SourceReinstated(sourceId, reason, recordedBy));
        return Versions.changed();
    }

    private static void checkDerivations(String self, List<String> derivedFrom, References references) {
        Checks checks = new Checks();
        for (int i = 0; i < derivedFrom.size(); i++) {
            String other = derivedFrom.get(i);
            if (Objects.equals(other, self)) {
                checks.fail("derivedFrom[" + i + "]", "a source cannot derive from itself");
            } else if (!references.sourceExists(other)) {
                checks.fail("derivedFrom[" + i + "]", "source '" + other + "' does not exist; register it first");
            }
        }
        checks.throwIfAny();
    }

    @EventSourcingHandler
    void on(SourceRegistered event) {
        streamId = streamId(event.sourceId());
        sourceId = event.sourceId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(SourceRevised event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(SourceRetracted event) {
        retraction = event;
    }

    @EventSourcingHandler
    void on(SourceReinstated event) {
        retraction = null;
    }

    @EventSourcingHandler
    void on(SourceAssessed event) {
        assessments.add(event.grade().wire() + " " + event.rationale());
    }
}
