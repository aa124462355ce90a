package org.claimledger.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber whose connection refuses a write on the spot (Vert.x: "Response head already sent",
 * "Response has already been written") is ended and forgotten; everyone else goes on being served.
 */
class UpdateFeedTest {

    private final List<Update> table = new CopyOnWriteArrayList<>();
    private final UpdateSignal signal = new UpdateSignal();
    private UpdateFeed feed;

    @BeforeEach
    void start() {
        feed = new UpdateFeed();
        feed.log = new UpdateLog(null) { // the feed table, in memory
            @Override
            public List<Update> after(Cursor cursor, UpdateFilter filter, int limit) {
                return table.stream().filter(u -> u.cursor().compareTo(cursor) > 0 && filter.matches(u))
                        .limit(limit).toList();
            }

            @Override
            public Cursor head() {
                return table.isEmpty() ? Cursor.START : table.get(table.size() - 1).cursor();
            }
        };
        feed.signal = signal;
        feed.metrics = new SimpleMeterRegistry();
        feed.buffer = 20;
        feed.window = 100;
        feed.heartbeat = Duration.ofMillis(50);
        feed.poll = Duration.ofMillis(50);
        feed.stallTimeout = Duration.ofSeconds(1);
        feed.start(null);
    }

    @AfterEach
    void stop() {
        feed.stop(null);
    }

    @Test
    void a_subscriber_whose_connection_refuses_a_write_is_ended_and_the_others_are_still_served() {
        table.add(update(1));
        Refusing refusing = new Refusing();
        AtomicInteger released = new AtomicInteger();
        Taking taking = new Taking();
        feed.subscribe(refusing, UpdateFilter.ANY, Cursor.START, released::incrementAndGet);
        feed.subscribe(taking, UpdateFilter.ANY, Cursor.START, () -> { });

        await().atMost(Duration.ofSeconds(5)).until(() -> feed.subscribers() == 1);
        assertThat(refusing.closes).as("its stream ended politely, once").hasValue(1);
        assertThat(released).as("its caller's stream allowance given back, once").hasValue(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> taking.text().contains("id:1\n"));

        table.add(update(2));
        signal.updatesCommitted();
        await().atMost(Duration.ofSeconds(5)).until(() -> taking.text().contains("id:2\n"));
        assertThat(refusing.closes).hasValue(1);
    }

    @Test
    void a_heartbeat_refused_by_one_subscriber_does_not_stop_the_heartbeats() {
        Refusing refusing = new Refusing();
        Taking taking = new Taking();
        feed.subscribe(refusing, UpdateFilter.ANY, null, () -> { });
        feed.subscribe(taking, UpdateFilter.ANY, null, () -> { });

        // a task of a scheduled executor that throws is never run again: three beats say it was not
        await().atMost(Duration.ofSeconds(5)).until(() -> taking.written.stream().filter(":keep-alive\n\n"::equals)
                .count() >= 3);
        assertThat(refusing.closes).hasValue(1);
        assertThat(feed.subscribers()).isEqualTo(1);
    }

    private static Update update(long position) {
        return new Update(new Cursor(position, 0), "claim-recorded", "city/published", "city", "source-a",
                Instant.parse("2026-01-01T00:00:00Z"), "{\"n\":" + position + "}");
    }

    /** A connection that takes every write. */
    private static final class Taking implements UpdateFeed.Outlet {
        final List<String> written = new CopyOnWriteArrayList<>();

        String text() {
            return String.join("", written);
        }

        @Override
        public void write(String text, Consumer<Throwable> done) {
            written.add(text);
            done.accept(null);
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public void hangUp() {
        }
    }

    /** A connection whose response has its head out already: every write is refused as it is made. */
    private static final class Refusing implements UpdateFeed.Outlet {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void write(String text, Consumer<Throwable> done) {
            throw new IllegalStateException("Response head already sent");
        }

        @Override
        public boolean isClosed() {
            return closes.get() > 0;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }

        @Override
        public void hangUp() {
        }
    }
}
