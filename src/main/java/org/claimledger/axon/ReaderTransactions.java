package org.claimledger.axon;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many transactions each read model's tracking reader committed, and how many events they
 * handled: a read model keeping up with many writers takes what is waiting in one transaction, so
 * under load its events per transaction climb above one (ADR 6). A batch is one unit of work and
 * one transaction; it is counted once it has committed, so a batch rolled back and retried counts
 * once. Rebuilds and bulk catch-ups run outside the tracking reader and are not counted here.
 */
public final class ReaderTransactions {

    /** What one read model's reader has committed since start. */
    public record Tally(long transactions, long events) {
    }

    private record Counters(LongAdder transactions, LongAdder events) {
        Counters() {
            this(new LongAdder(), new LongAdder());
        }
    }

    /** The events a batch has handled so far; kept as a resource of its unit of work. */
    private static final class InBatch {
        long events;
    }

    private final Map<String, Counters> byReader = new ConcurrentHashMap<>();

    /** Counts the batches of the reader of this name; to be registered once per processor. */
    public MessageHandlerInterceptor<EventMessage<?>> counting(String reader) {
        Counters counters = byReader.computeIfAbsent(reader, r -> new Counters());
        String key = ReaderTransactions.class.getName() + ":" + reader;
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            InBatch inBatch = batch.getOrComputeResource(key, k -> {
                InBatch fresh = new InBatch();
                batch.afterCommit(u -> {
                    counters.transactions().increment();
                    counters.events().add(fresh.events);
                });
                return fresh;
            });
            inBatch.events++;
            return chain.proceed();
        };
    }

    /** The counts as metrics, tagged with the read model's name. */
    void measuredBy(MeterRegistry metrics) {
        byReader.forEach((reader, c) -> {
            FunctionCounter.builder("claimledger.readers.transactions", c.transactions(), LongAdder::sum)
                    .tag("reader", reader).description("read-model transactions committed by the tracking reader")
                    .register(metrics);
            FunctionCounter.builder("claimledger.readers.events", c.events(), LongAdder::sum)
                    .tag("reader", reader).description("events handled in them").register(metrics);
        });
    }

    public Tally of(String reader) {
        Counters c = byReader.get(reader);
        return c == null ? new Tally(0, 0) : new Tally(c.transactions().sum(), c.events().sum());
    }
}
