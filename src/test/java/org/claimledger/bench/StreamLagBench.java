package org.claimledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimledger.testing.ServiceProcess;
import org.claimledger.testing.SseClient;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: delivery lag of the update stream. Starts the packaged service (its own
 * process, embedded PostgreSQL and Kafka), opens N server-sent-event subscribers, records claims at
 * a steady rate, and measures for every subscriber and every update the time from the update's
 * record time (its event's timestamp) to its arrival. Prints p50/p99/max and checks that every
 * subscriber got every update.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests package exec:java -Dbench.main=org.claimledger.bench.StreamLagBench}
 * (options {@code -Dbench.subscribers=100 -Dbench.rate=50 -Dbench.seconds=10}).
 */
public final class StreamLagBench {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 100);
        int rate = Integer.getInteger("bench.rate", 50);
        int seconds = Integer.getInteger("bench.seconds", 10);
        Path dataDir = Path.of("target", "bench-data", "lag-" + System.currentTimeMillis());
        try (ServiceProcess service = new ServiceProcess(dataDir).jvm("-Xmx2g",
                "-Dclaimledger.corpus.load-into-empty-ledger=false")) {
            service.start();
            post(service, "/api/entities", "{\"id\":\"lag-city\",\"labels\":{\"en\":\"Lag city\"}}");
            for (int i = 0; i < 10; i++) {
                post(service, "/api/propositions", "{\"id\":\"lag/p" + i + "\",\"subject\":\"lag-city\","
                        + "\"predicate\":\"p\",\"valueType\":\"boolean\",\"cardinality\":\"single\"}");
            }
            post(service, "/api/sources", "{\"id\":\"lag-source\",\"title\":\"Lag source\",\"kind\":\"press\"}");

            List<SseClient> clients = new ArrayList<>();
            String url = "http://127.0.0.1:" + service.port() + "/api/streams/claims?type=claim-recorded";
            for (int i = 0; i < subscribers; i++) {
                clients.add(SseClient.open(url, null));
            }
            Thread.sleep(1000);
            int total = rate * seconds;
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                post(service, "/api/sources/lag-source/claims", "{\"id\":\"lag-source/c" + i + "\",\"propositionId\":\"lag/p"
                        + (i % 10) + "\",\"stance\":\"asserts\",\"value\":{\"boolean\":" + (i % 3 != 0) + "}}");
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && clients.stream().anyMatch(c -> c.events().size() < total)) {
                Thread.sleep(100);
            }
            List<Long> lags = new ArrayList<>();
            int complete = 0;
            for (SseClient c : clients) {
                if (c.events().size() >= total) {
                    complete++;
                }
                for (SseClient.Event e : c.events()) {
                    long recorded = Instant.parse(JSON.readTree(e.data()).get("recordedAt").asText()).toEpochMilli();
                    lags.add(e.receivedMillis() - recorded);
                }
                c.close();
            }
            long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%d subscribers, %d updates at %d/s: %d/%d subscribers got every update; "
                            + "delivery lag from record time p50 %d ms, p99 %d ms, max %d ms (%d deliveries)%n",
                    subscribers, total, rate, complete, subscribers, sorted[sorted.length / 2],
                    sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1], sorted.length);
        }
    }

    static void post(ServiceProcess service, String path, String body) throws Exception {
        var r = service.post(path, body);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
    }

    private StreamLagBench() {
    }

}
