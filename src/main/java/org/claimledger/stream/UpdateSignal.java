package org.claimledger.stream;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tells the update publishers (server-sent events, Kafka) that new updates have been committed to the feed. */
@ApplicationScoped
public class UpdateSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void updatesCommitted() {
        listeners.forEach(Runnable::run);
    }
}
