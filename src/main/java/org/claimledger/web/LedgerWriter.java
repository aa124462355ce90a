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

    public Outcome send(Object command, String recordedBy) {
        return sendAll(List.of(command), recordedBy, i -> "").get(0);
    }

    /**
     * Sends all commands in one transaction. {@code itemName} names the i-th command for error
     * messages (e.g. {@code claims[3]}).
     */
    public List<Outcome> sendAll(List<?> commands, String recordedBy, IntFunction<String> itemName) {
        MetaData metaData = MetaData.with("recordedBy", recordedBy == null ? "anonymous" : recordedBy);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    List<Outcome> outcomes = new ArrayList<>(commands.size());
                    for (int i = 0; i < commands.size(); i++) {
                        try {
                            outcomes.add(ledger.commandGateway().sendAndWait(
                                    GenericCommandMessage.asCommandMessage(commands.get(i)).andMetaData(metaData)));
                        } catch (Rejection r) {
                            String name = itemName.apply(i);
                            throw name.isEmpty() ? r : r.within(name);
                        }
                    }
                    return outcomes;
                });
            } catch (ConcurrencyException | AggregateStreamCreationException race) {
                if (attempt >= ATTEMPTS) {
                    throw Rejection.conflict("another write to the same record kept winning; try again");
                }
            }
        }
    }
}
