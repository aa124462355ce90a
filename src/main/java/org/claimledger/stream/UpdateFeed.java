package org.claimledger.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the update stream to server-sent-event subscribers. One thread reads new updates from the
 * feed table once (woken when the verdict processor commits, and polling as a fallback for other
 * replicas), keeps the newest in a bounded window in memory, and pumps each subscriber from its own
 * cursor: from the window when it is live, from the table while it catches up. A subscriber gets
 * every matching update after its cursor exactly once, in order, with no gap between history and
 * live. Each may have a bounded number of events in flight (written to it but not yet taken by its
 * connection); at that bound it is paused, and if it stays paused it is cut off (and can resume from
 * its last id), so a slow client never holds more than its bound or slows anyone else.
 *
 * <p>An update's frame (its {@code id:}, {@code event:} and {@code data:} lines) is made once and
 * shared by every subscriber; what one subscriber is due at a wake-up goes out in one write, not
 * one write (and one system call) per event.
 */
@ApplicationScoped
public class UpdateFeed {

    private static final Logger LOG = Logger.getLogger(UpdateFeed.class);
    private static final int PAGE = 500;
    /** Most events in one write to one subscriber. */
    private static final int WRITE = 100;

    /** Where one subscriber's stream goes: its connection. */
    public interface Outlet {
        /** Writes server-sent-event text; {@code done} hears of the end (a failure: the connection is gone). */
        void write(String text, java.util.function.Consumer<Throwable> done);

        boolean isClosed();

        /** Ends the stream politely. */
        void close();

        /** Drops the connection, and what is queued for it. */
        void hangUp();
    }

    @Inject
    UpdateLog log;

    @Inject
    UpdateSignal signal;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "claimledger.streams.buffer", defaultValue = "1000")
    int buffer;

    @ConfigProperty(name = "claimledger.streams.window", defaultValue = "10000")
    int window;

    @ConfigProperty(name = "claimledger.streams.heartbeat", defaultValue = "15S")
    Duration heartbeat;

    @ConfigProperty(name = "claimledger.streams.poll", defaultValue = "500ms")
    Duration poll;

    @ConfigProperty(name = "claimledger.streams.stall-timeout", defaultValue = "10S")
    Duration stallTimeout;

    /** The newest updates in stream order, from index {@code first} on (touched only by the feed's thread). */
    private final ArrayList<Update> recent = new ArrayList<>();
    private int first;
    private volatile Cursor floor = Cursor.START; // everything after floor is in `recent`
    private volatile Cursor head = Cursor.START;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private Counter cutOff;

    void start(@Observes @Priority(300) StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "update-feed");
            t.setDaemon(true);
            return t;
        });
        head = log.head();
        floor = head;
        cutOff = Counter.builder("claimledger.streams.cut.off")
                .description("Subscribers disconnected because they could not keep up").register(metrics);
        Gauge.builder("claimledger.streams.subscribers", subscriptions, Set::size).register(metrics);
        signal.listen(this::wake);
        executor.scheduleWithFixedDelay(this::wake, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        // a browser leaving a page closes its stream; its caller's allowance comes back within a second,
        // not at the next heartbeat (a reader opening pages one after another would run out of it)
        executor.scheduleWithFixedDelay(this::forgetClosed, 1000, 1000, TimeUnit.MILLISECONDS);
        long check = Math.max(100, stallTimeout.toMillis() / 4);
        executor.scheduleWithFixedDelay(this::cutOffStalled, check, check, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @Priority(50) ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
        subscriptions.forEach(Subscription::close);
    }

    /** Opens a stream for a subscriber that has seen everything up to {@code after} (null: live only). */
    public void subscribe(Outlet outlet, UpdateFilter filter, Cursor after, Runnable onClose) {
        Subscription s = new Subscription(outlet, filter, after == null ? head : after, onClose);
        subscriptions.add(s);
        executor.execute(() -> pump(s));
    }

    public int subscribers() {
        return subscriptions.size();
    }

    /** Forgets a subscription and gives back its caller's stream allowance. */
    private void drop(Subscription s) {
        subscriptions.remove(s);
        s.release();
    }

    private void wake() {
        if (wakeScheduled.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeScheduled.set(false);
                readNew();
                subscriptions.forEach(this::pump);
            });
        }
    }

    private void readNew() {
        try {
            List<Update> page;
            do {
                page = log.after(head, UpdateFilter.ANY, PAGE);
                for (Update u : page) {
                    recent.add(u);
                    head = u.cursor();
                }
                while (recent.size() - first > window) {
                    floor = recent.get(first).cursor();
                    recent.set(first++, null);
                }
                if (first > window) { // compact now and then, not at every update
                    recent.subList(0, first).clear();
                    first = 0;
                }
            } while (page.size() == PAGE);
        } catch (RuntimeException e) {
            LOG.warn("could not read new updates; will try again", e);
        }
    }

    /** Sends a subscriber what it has not seen yet, from history or from the window, in order. */
    private void pump(Subscription s) {
        if (s.closed.get()) {
            drop(s);
            return;
        }
        Batch out = new Batch(s);
        try {
            while (s.cursor.compareTo(floor) < 0) { // behind the window: catch up from the table
                List<Update> page = log.after(s.cursor, s.filter, PAGE);
                for (Update u : page) {
                    if (!out.add(u)) {
                        return;
                    }
                }
                if (page.size() < PAGE) {
                    if (s.cursor.compareTo(floor) < 0) {
                        s.cursor = floor; // nothing else matches up to the window
                    }
                    break;
                }
            }
            // from the first update after the subscriber's cursor, found by halving (not by walking the window)
            for (int i = after(s.cursor); i < recent.size(); i++) {
                Update u = recent.get(i);
                if (s.filter.matches(u)) {
                    if (!out.add(u)) {
                        return;
                    }
                } else {
                    s.cursor = u.cursor();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not serve a subscriber; disconnecting it", e);
            s.close();
            drop(s);
        } finally {
            out.send();
        }
    }

    /** The index in the window of the first update after {@code cursor}. */
    private int after(Cursor cursor) {
        int lo = first;
        int hi = recent.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (recent.get(mid).cursor().compareTo(cursor) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** What one subscriber is due, gathered into few writes. */
    private final class Batch {
        private final Subscription s;
        private final StringBuilder text = new StringBuilder();
        private int events;

        Batch(Subscription s) {
            this.s = s;
        }

        /** Adds the update unless the subscriber has its bound in flight (then it is paused: false). */
        boolean add(Update u) {
            if (s.closed.get()) {
                drop(s);
                return false;
            }
            if (s.inFlight.get() + events >= buffer) {
                // the client is not taking what it was sent: pause it (its cursor keeps its place) and
                // cut it off if it stays stalled; it can resume with Last-Event-ID
                if (s.stalledSince == 0) {
                    s.stalledSince = System.nanoTime();
                }
                return false;
            }
            s.stalledSince = 0;
            text.append(u.frame());
            events++;
            s.cursor = u.cursor();
            if (events == WRITE) {
                send();
            }
            return true;
        }

        void send() {
            if (events == 0) {
                return;
            }
            int n = events;
            String frames = text.toString();
            text.setLength(0);
            events = 0;
            s.inFlight.addAndGet(n);
            write(s, frames, failure -> {
                int left = s.inFlight.addAndGet(-n);
                if (failure != null) {
                    s.closed.set(true);
                } else if (s.stalledSince != 0 && left <= buffer / 2) {
                    s.stalledSince = 0;
                    executor.execute(() -> pump(s)); // it is reading again: go on where it paused
                }
            });
        }
    }

    /**
     * Writes to a subscriber's connection. A write refused on the spot (the response already ended, or
     * its head already sent when something tried to send it again) is that subscriber gone: its stream
     * is ended and it is forgotten, rather than the exception breaking off the round that serves every
     * subscriber (or, from a heartbeat, stopping the heartbeats for good).
     */
    private void write(Subscription s, String text, java.util.function.Consumer<Throwable> done) {
        try {
            s.outlet.write(text, done);
        } catch (RuntimeException refused) {
            LOG.debugf("a subscriber's connection refused a write (%s); ending its stream", refused);
            done.accept(refused);
            s.close();
            drop(s);
        }
    }

    private void cutOffStalled() {
        long now = System.nanoTime();
        for (Subscription s : subscriptions) {
            long since = s.stalledSince;
            if (since != 0 && now - since > stallTimeout.toNanos()) {
                cutOff.increment();
                LOG.debugf("cutting off a subscriber stalled with %d events unsent at %s", s.inFlight.get(),
                        s.cursor.id());
                s.hangUp(); // drop the connection and what is queued for it, rather than wait to end politely
                drop(s);
            }
        }
    }

    private void forgetClosed() {
        for (Subscription s : new ArrayList<>(subscriptions)) {
            if (s.closed.get() || s.outlet.isClosed()) {
                drop(s);
            }
        }
    }

    private void beat() {
        for (Subscription s : new ArrayList<>(subscriptions)) {
            if (s.stalledSince != 0 || s.closed.get() || s.outlet.isClosed()) {
                continue; // a closed one is forgotten within the second (forgetClosed)
            }
            s.inFlight.incrementAndGet();
            write(s, ":keep-alive\n\n", failure -> {
                s.inFlight.decrementAndGet();
                if (failure != null) {
                    s.closed.set(true);
                }
            });
        }
    }

    /** One open stream: its filter, the last update it was sent, how many sends are still unwritten. */
    static final class Subscription {
        final Outlet outlet;
        final Runnable onClose;
        private final AtomicBoolean released = new AtomicBoolean();
        final UpdateFilter filter;
        volatile Cursor cursor;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile long stalledSince;

        Subscription(Outlet outlet, UpdateFilter filter, Cursor cursor, Runnable onClose) {
            this.outlet = outlet;
            this.onClose = onClose;
            this.filter = filter;
            this.cursor = cursor;
        }

        /** Gives back the caller's stream allowance, once. */
        void release() {
            if (released.compareAndSet(false, true)) {
                onClose.run();
            }
        }

        void hangUp() {
            end(outlet::hangUp);
        }

        void close() {
            end(outlet::close);
        }

        private void end(Runnable how) {
            closed.set(true);
            release();
            try {
                how.run();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }
}
