package org.claimledger.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.claimledger.axon.AxonLedger;
import org.claimledger.common.Outcome;
import org.claimledger.common.Rejection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Sends commands to the ledger. A request's commands are one transaction: every command in it is
 * recorded, or none is. A write is acknowledged only after PostgreSQL has committed it.
 *
 * <p><b>Group commit.</b> Requests that arrive together share a transaction, and so its commit and
 * its fsync: each of a few lanes takes every request waiting, runs them one after the other in one
 * transaction and commits once. A refused command writes nothing (the aggregate refuses before it
 * applies an event), so a refused single-command request leaves its neighbours untouched; a request
 * of several commands runs under a savepoint and is rolled back to it when one of them is refused.
 * When anything else goes wrong in a group (two writers racing for the same new stream, a failing
 * database), nothing of the group is committed and each of its requests is tried again alone, as
 * if it had come by itself; so a replay is still a no-op and a conflicting reuse still a conflict.
 * See ADR 13.
 */
@ApplicationScoped
public class LedgerWriter {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private static final int ATTEMPTS = 5;

    /** PostgreSQL keeps 64 subtransactions per transaction in shared memory; beyond that readers slow down. */
    private static final int MAX_SAVEPOINTS = 32;

    @Inject
    AxonLedger ledger;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    /** How many groups may be written at once, each on its own connection and thread. */
    @ConfigProperty(name = "claimledger.writes.lanes", defaultValue = "4")
    int lanes;

    /** At most this many requests share one transaction. */
    @ConfigProperty(name = "claimledger.writes.group-size", defaultValue = "64")
    int groupSize;

    /** Off: every request is its own transaction, as before group commit. */
    @ConfigProperty(name = "claimledger.writes.group-commit", defaultValue = "true")
    boolean groupCommit;

    /** What one command of an attempt came to: its outcome, or why it was refused. */
    public record Attempt(Outcome outcome, Rejection rejection) {
    }

    /** A request waiting for its group: its commands, who sent them, and where its answer goes. */
    private record Waiting(List<?> commands, MetaData metaData, CompletableFuture<List<Attempt>> answer) {
    }

    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final LongAdder transactions = new LongAdder();
    private final LongAdder grouped = new LongAdder();
    private final List<Thread> laneThreads = new ArrayList<>();
    private volatile boolean open = true;

    private static final class Refused extends RuntimeException {
        final List<Attempt> attempts;

        Refused(List<Attempt> attempts) {
            super(null, null, false, false);
            this.attempts = attempts;
        }
    }

    @PostConstruct
    void startLanes() {
        FunctionCounter.builder("claimledger.writes.transactions", transactions, LongAdder::sum)
                .description("transactions that committed writes").register(metrics);
        FunctionCounter.builder("claimledger.writes.grouped", grouped, LongAdder::sum)
                .description("requests committed in a transaction shared with others").register(metrics);
        if (!groupCommit) {
            return;
        }
        for (int i = 0; i < lanes; i++) {
            Thread lane = new Thread(this::lane, "ledger-writes-" + i);
            lane.setDaemon(true);
            laneThreads.add(lane);
            lane.start();
        }
    }

    /** Before Axon stops: groups under way finish; requests still waiting are answered 503. */
    void stop(@Observes @Priority(90) ShutdownEvent event) throws InterruptedException {
        open = false;
        for (Thread lane : laneThreads) {
            lane.join(10_000);
        }
        for (Waiting w; (w = waiting.poll()) != null; ) {
            w.answer().completeExceptionally(Rejection.unavailable("the ledger is shutting down; try again"));
        }
    }

    /** Transactions that committed writes (for tests and metrics). */
    public long transactions() {
        return transactions.sum();
    }

    /** Requests committed in a transaction shared with others (for tests and metrics). */
    public long grouped() {
        return grouped.sum();
    }

    /**
     * Tries every command in one transaction and reports each one's fate; commits only when none was
     * refused. A refusal is raised before its command writes anything, so the commands after it are
     * still checked against everything before them: a corpus hears of all its problems at once.
     * With {@code rollBackRegardless} nothing is committed even when every command passes.
     */
    public List<Attempt> attemptAll(List<?> commands, String recordedBy, boolean rollBackRegardless) {
        MetaData metaData = MetaData.with("recordedBy", recordedBy == null ? "anonymous" : recordedBy);
        if (rollBackRegardless || !groupCommit || laneThreads.contains(Thread.currentThread())) {
            return alone(commands, metaData, rollBackRegardless);
        }
        if (!open) {
            throw Rejection.unavailable("the ledger is shutting down; try again");
        }
        Waiting request = new Waiting(commands, metaData, new CompletableFuture<>());
        waiting.add(request);
        try {
            return request.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void lane() {
        while (open || !waiting.isEmpty()) {
            Waiting first;
            try {
                first = waiting.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Waiting> group = new ArrayList<>();
            group.add(first);
            int savepoints = first.commands().size() > 1 ? 1 : 0;
            for (Waiting next; group.size() < groupSize && savepoints < MAX_SAVEPOINTS
                    && (next = waiting.poll()) != null; ) {
                group.add(next);
                savepoints += next.commands().size() > 1 ? 1 : 0;
            }
            try {
                write(group);
            } catch (RuntimeException | Error e) {
                // never leave a request waiting forever
                group.forEach(w -> w.answer().completeExceptionally(e));
            }
        }
    }

    /** Writes these requests as one group on this thread, as a lane would (for tests). */
    List<List<Attempt>> writeTogether(List<List<?>> requests, String recordedBy) {
        MetaData metaData = MetaData.with("recordedBy", recordedBy);
        List<Waiting> group = requests.stream()
                .map(commands -> new Waiting(commands, metaData, new CompletableFuture<>())).toList();
        write(group);
        return group.stream().map(w -> w.answer().join()).toList();
    }

    private void write(List<Waiting> group) {
        if (group.size() == 1) {
            answerAlone(group.get(0));
            return;
        }
        List<List<Attempt>> answers;
        try {
            answers = QuarkusTransaction.requiringNew().call(() -> {
                List<List<Attempt>> all = new ArrayList<>(group.size());
                for (Waiting request : group) {
                    boolean several = request.commands().size() > 1;
                    if (several) {
                        sql("SAVEPOINT request");
                    }
                    List<Attempt> attempts = tryEach(request.commands(), request.metaData());
                    if (several) {
                        sql(refused(attempts) ? "ROLLBACK TO SAVEPOINT request" : "RELEASE SAVEPOINT request");
                    }
                    all.add(attempts);
                }
                return all;
            });
        } catch (RuntimeException e) {
            // nothing of the group was committed: each request is tried again alone
            LOG.debugf(e, "a group of %d requests failed together; each is tried again alone", group.size());
            group.forEach(this::answerAlone);
            return;
        }
        transactions.increment();
        for (int i = 0; i < group.size(); i++) {
            if (!refused(answers.get(i))) {
                grouped.increment();
            }
            group.get(i).answer().complete(answers.get(i));
        }
    }

    private void answerAlone(Waiting request) {
        try {
            request.answer().complete(alone(request.commands(), request.metaData(), false));
        } catch (RuntimeException e) {
            request.answer().completeExceptionally(e);
        }
    }

    /** A request in a transaction of its own; a writer that loses a race for a new stream tries again. */
    private List<Attempt> alone(List<?> commands, MetaData metaData, boolean rollBackRegardless) {
        for (int round = 1; ; round++) {
            try {
                List<Attempt> done = QuarkusTransaction.requiringNew().call(() -> {
                    List<Attempt> attempts = tryEach(commands, metaData);
                    if (refused(attempts) || rollBackRegardless) {
                        throw new Refused(attempts);
                    }
                    return attempts;
                });
                transactions.increment();
                return done;
            } catch (Refused refused) {
                return refused.attempts;
            } catch (ConcurrencyException | AggregateStreamCreationException race) {
                if (round >= ATTEMPTS) {
                    throw Rejection.conflict("another write to the same records kept winning; try again");
                }
            }
        }
    }

    private List<Attempt> tryEach(List<?> commands, MetaData metaData) {
        List<Attempt> attempts = new ArrayList<>(commands.size());
        for (Object command : commands) {
            try {
                attempts.add(new Attempt(ledger.commandGateway().sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)), null));
            } catch (Rejection r) {
                attempts.add(new Attempt(null, r));
            }
        }
        return attempts;
    }

    private static boolean refused(List<Attempt> attempts) {
        for (Attempt a : attempts) {
            if (a.rejection() != null) {
                return true;
            }
        }
        return false;
    }

    /** A statement on the transaction's connection (Agroal refuses savepoint calls on enlisted connections). */
    private void sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " failed", e);
        }
    }

    /**
     * Refuses a write under the path of a source that was never registered: 404 naming it, before
     * anything in the body is looked at (whatever the body says, the address is wrong).
     */
    public void requireSource(String sourceId) {
        if (!ledger.references().sourceExists(sourceId)) {
            throw Rejection.notFound("source", sourceId, null);
        }
    }

    /** A source's description as last recorded in its stream, or empty (see {@link AxonLedger#sourceDetails}). */
    public java.util.Optional<org.claimledger.source.SourceDetails> recordedSource(String sourceId) {
        return QuarkusTransaction.joiningExisting().call(() -> ledger.sourceDetails(sourceId));
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
