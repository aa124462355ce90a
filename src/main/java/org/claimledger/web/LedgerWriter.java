package org.claimledger.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.claimledger.axon.AxonLedger;
import org.claimledger.common.Outcome;
import org.claimledger.common.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Sends commands to the ledger. A batch is one transaction: every command in it is recorded, or
 * none is. When two writers race for the same new stream, the loser retries once it can see the
 * winner's events, so a replay of the same write still comes back as a no-op and a different
 * write as a conflict. A write is acknowledged only after PostgreSQL has committed it.
 */
@ApplicationScoped
public class LedgerWriter {

    private static final int ATTEMPTS = 5;

    @Inject
    AxonLedger ledger;

    /** What one command of an attempt came to: its outcome, or why it was refused. */
    public record Attempt(Outcome outcome, Rejection rejection) {
    }

    private static final class Refused extends RuntimeException {
        final List<Attempt> attempts;

        Refused(List<Attempt> attempts) {
            super(null, null, false, false);
            this.attempts = attempts;
        }
    }

    /**
     * Tries every command in one transaction and reports each one's fate; commits only when none was
     * refused. A refusal is raised before its command writes anything, so the commands after it are
     * still checked against everything before them: a corpus hears of all its problems at once.
     * With {@code rollBackRegardless} nothing is committed even when every command passes.
     */
    public List<Attempt> attemptAll(List<?> commands, String recordedBy, boolean rollBackRegardless) {
        MetaData metaData = MetaData.with("recordedBy", recordedBy == null ? "anonymous" : recordedBy);
        for (int round = 1; ; round++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    List<Attempt> attempts = new ArrayList<>(commands.size());
                    boolean refused = false;
                    for (Object command : commands) {
                        try {
                            attempts.add(new Attempt(ledger.commandGateway().sendAndWait(
                                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)), null));
                        } catch (Rejection r) {
                            attempts.add(new Attempt(null, r));
                            refused = true;
                        }
                    }
                    if (refused || rollBackRegardless) {
                        throw new Refused(attempts);
                    }
                    return attempts;
                });
            } catch (Refused refused) {
                return refused.attempts;
            } catch (ConcurrencyException | AggregateStreamCreationException race) {
                if (round >= ATTEMPTS) {
                    throw Rejection.conflict("another write to the same records kept winning; try again");
                }
            }
        }
    }

    /**
     * Refuses a write under the path of a source that was never registered: 404 naming it, before
     * anything in the body is looked at (whatever the body says, the address is wrong).
     */
    public void requireSource(String sourceId) {
        boolean known = QuarkusTransaction.joiningExisting().call(() -> ledger.eventStore()
                .lastSequenceNumberFor(org.claimledger.source.Source.streamId(sourceId)).isPresent());
        if (!known) {
            throw Rejection.notFound("source", sourceId, null);
        }
    }

    public Outcome send(Object command, String recordedBy) {
        return sendAll(List.of(command), recordedBy, i -> "").get(0);
    }

    /**
     * Sends all commands in one transaction. {@code itemName} names the i-th command for error
     * messages (e.g. {@code claims[3]}).
     */
    public List<Outcome> sendAll(List<?> commands, String recordedBy, IntFunction<String> itemName) {
        List<Attempt> attempts = attemptAll(commands, recordedBy, false);
        List<Outcome> outcomes = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            Rejection r = attempts.get(i).rejection();
            if (r != null) {
                String name = itemName.apply(i);
                throw name.isEmpty() ? r : r.within(name);
            }
            outcomes.add(attempts.get(i).outcome());
        }
        return outcomes;
    }

}
