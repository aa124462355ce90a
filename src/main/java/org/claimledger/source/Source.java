package org.claimledger.source;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
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

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A source and its reliability history. Claims are not part of it (each claim is its own
 * aggregate), so a source with ten thousand claims loads as fast as one with none.
 */
public class Source {

    static final String STREAM_PREFIX = "source:";

    @AggregateIdentifier
    private String streamId;
    private String sourceId;
    private SourceDetails details;
    private final java.util.Set<String> assessments = new java.util.HashSet<>();

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
    void on(SourceAssessed event) {
        assessments.add(event.grade().wire() + " " + event.rationale());
    }
}
