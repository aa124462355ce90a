package org.claimledger.stream;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-process wake-ups along the update feed: the verdict model has committed verdict news (the
 * feed's reader moves them into the feed), and new updates are in the feed (the publishers,
 * server-sent events and Kafka, send them). Other replicas' commits are found by polling.
 */
@ApplicationScoped
public class UpdateSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> newsListeners = new CopyOnWriteArrayList<>();

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void updatesCommitted() {
        listeners.forEach(Runnable::run);
    }

    public void listenForNews(Runnable listener) {
        newsListeners.add(listener);
    }

    public void newsCommitted() {
        newsListeners.forEach(Runnable::run);
    }
}
