package org.claimledger.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.claimledger.common.Rejection;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The read models' processors: where each stands in the event log, and rebuilding one from the
 * log (its tables emptied by its reset handler, every event replayed).
 */
@ApplicationScoped
public class Projections {

    /** Where one read model stands against the head of the event log. */
    public record Status(String name, Long position, Long head, boolean caughtUp, boolean replaying,
                         boolean running, String error) {
    }

    @Inject
    AxonLedger ledger;

    public List<Status> status() {
        long head = head();
        return processors().entrySet().stream()
                .map(e -> status(e.getKey(), e.getValue(), head))
                .toList();
    }

    public Status status(String name) {
        return status(name, processor(name), head());
    }

    /** Empties the read model's tables and replays the whole event log into them; returns at once. */
    public Status rebuild(String name) {
        TrackingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    /** The global index of the newest event in the log (0 when empty). */
    public long head() {
        TrackingToken token = ledger.eventStore().createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private TrackingEventProcessor processor(String name) {
        TrackingEventProcessor processor = processors().get(name);
        if (processor == null) {
            throw Rejection.notFound("read model", name, null);
        }
        return processor;
    }

    private Map<String, TrackingEventProcessor> processors() {
        Map<String, TrackingEventProcessor> all = new java.util.TreeMap<>();
        ledger.configuration().eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                all.put(name, tracking);
            }
        });
        return all;
    }

    private static Status status(String name, TrackingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = null;
        boolean replaying = false;
        boolean caughtUp = !segments.isEmpty();
        String error = null;
        for (EventTrackerStatus s : segments.values()) {
            OptionalLong p = s.getCurrentPosition();
            if (p.isPresent()) {
                position = position == null ? p.getAsLong() : Math.min(position, p.getAsLong());
            }
            replaying |= s.isReplaying();
            caughtUp &= s.isCaughtUp() && p.orElse(0) >= head;
            if (s.isErrorState() && s.getError() != null) {
                error = s.getError().getClass().getSimpleName() + ": " + s.getError().getMessage();
            }
        }
        // a replay stays flagged until the first event after the reset point; level with the head it is caught up
        return new Status(name, position, head, caughtUp, replaying, processor.isRunning(), error);
    }
}
