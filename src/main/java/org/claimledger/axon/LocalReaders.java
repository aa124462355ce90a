package org.claimledger.axon;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.claimledger.readmodel.LocalReadModel;
import org.claimledger.store.Sql;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Feeds each {@link LocalReadModel} from the event log on a thread of its own, on every replica: a stream
 * opened where the model's own commit says it stopped (Axon's gap-aware token, kept as text by the model),
 * drained in batches of what is available. A model built from another ledger (its first event is not this
 * log's) is emptied and read again from the start; a failed batch is read again after a pause.
 */
@ApplicationScoped
public class LocalReaders {

    private static final Logger LOG = Logger.getLogger(LocalReaders.class);
    static final int BATCH = 5_000;

    @Inject
    AxonLedger axon;

    @Inject
    DataSource dataSource;

    @Inject
    @All
    List<LocalReadModel> models;

    private final Serializer serializer = AxonLedger.serializer();
    private final Map<String, Reader> readers = new ConcurrentHashMap<>();

    void start(@Observes @Priority(210) StartupEvent event) {
        for (LocalReadModel model : models) {
            Reader reader = new Reader(model);
            readers.put(model.name(), reader);
            reader.thread.start();
        }
    }

    void stop(@Observes @Priority(55) ShutdownEvent event) throws InterruptedException {
        // never interrupted: an interrupt closes Lucene's file channels under its writer; the loop looks every second
        for (Reader reader : readers.values()) {
            reader.running = false;
        }
        for (Reader reader : readers.values()) {
            reader.thread.join(10_000);
        }
        readers.clear();
    }

    /** Whether a local model of that name runs here. */
    public boolean has(String name) {
        return readers.containsKey(name);
    }

    /** Empties the model and reads the log into it again, up to {@code head} and on. */
    public void rebuild(String name, long head) {
        Reader reader = readers.get(name);
        reader.rebuildUntil = head;
        reader.rebuild = true;
    }

    /** Where each local model stands against the log's head. */
    public List<Projections.Status> status(long head) {
        return readers.keySet().stream().sorted().map(name -> status(name, head)).toList();
    }

    public Projections.Status status(String name, long head) {
        Reader r = readers.get(name);
        long position = r.position;
        return new Projections.Status(name, position < 0 ? null : position, head, position >= head || head == 0,
                r.rebuild || position < r.rebuildUntil, r.thread.isAlive(), r.error, null, r.batches, r.events);
    }

    /** The first event's identifier names the ledger: a copy built from another ledger does not have it. */
    private String ledger() {
        List<String> first = new Sql(dataSource).list(
                "SELECT event_identifier FROM domain_event_entry ORDER BY global_index LIMIT 1", rs -> rs.getString(1));
        return first.isEmpty() ? null : first.get(0);
    }

    private String encode(TrackingToken token) {
        SerializedObject<String> s = serializer.serialize(token, String.class);
        return s.getType().getName() + "\n" + s.getData();
    }

    private TrackingToken decode(String position) {
        int newline = position.indexOf('\n');
        return serializer.deserialize(new SimpleSerializedObject<>(position.substring(newline + 1), String.class,
                position.substring(0, newline), null));
    }

    private static final class RebuildAsked extends Exception {
        RebuildAsked() {
            super(null, null, false, false);
        }
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private final class Reader implements Runnable {
        final LocalReadModel model;
        final Thread thread;
        volatile boolean running = true;
        volatile boolean rebuild;
        volatile long rebuildUntil = -1;
        volatile long events;
        volatile long batches;
        volatile long position = -1;
        volatile String error;
        String ledger;
        TrackingToken token;

        Reader(LocalReadModel model) {
            this.model = model;
            this.thread = new Thread(this, "local-" + model.name());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long pause = 500;
            while (running) {
                try {
                    resume();
                    read();
                    pause = 500;
                    error = null;
                } catch (RebuildAsked e) {
                    // the loop empties the model and reads again
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    LOG.errorf(e, "local read model %s failed; reading again from its last commit in %d ms",
                            model.name(), pause);
                    error = e.toString();
                    sleep(pause);
                    pause = Math.min(pause * 2, 30_000);
                    token = null;
                    ledger = null;
                }
            }
            try {
                model.commit();
            } catch (Exception e) {
                LOG.warnf(e, "local read model %s could not commit on the way out; it reads again from its last commit",
                        model.name());
            }
        }

        // where to read from: the model's own commit, unless it was built from another ledger or a rebuild was asked
        private void resume() throws Exception {
            String current = ledger();
            Optional<LocalReadModel.Progress> kept = model.progress();
            if (rebuild || (kept.isPresent() && (current == null || !current.equals(kept.get().ledger())))) {
                if (!rebuild) {
                    LOG.infof("local read model %s was built from another ledger: emptied, read again", model.name());
                }
                // read as replaying from here on: the flag drops only once the position says so
                position = -1;
                model.clear();
                model.commit();
                rebuild = false;
                kept = Optional.empty();
            }
            ledger = current;
            token = kept.map(p -> decode(p.position())).orElse(null);
            events = kept.map(LocalReadModel.Progress::events).orElse(0L);
            position = positionOf(token);
        }

        private void read() throws Exception {
            try (BlockingStream<TrackedEventMessage<?>> stream = axon.eventStore().openStream(token)) {
                while (running && !rebuild) {
                    if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        model.idle();
                        continue;
                    }
                    List<Object> batch = new ArrayList<>();
                    TrackingToken last = null;
                    do {
                        TrackedEventMessage<?> message = stream.nextAvailable();
                        batch.add(message.getPayload());
                        last = message.trackingToken();
                    } while (batch.size() < BATCH && stream.hasNextAvailable());
                    if (ledger == null) {
                        ledger = ledger(); // the log was empty when reading began
                    }
                    model.handle(batch, new LocalReadModel.Progress(ledger, encode(last), events + batch.size()));
                    events += batch.size();
                    batches++;
                    token = last;
                    position = positionOf(last);
                    if (!stream.hasNextAvailable()) {
                        model.settle();
                    }
                }
            }
            if (rebuild) {
                throw new RebuildAsked();
            }
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
