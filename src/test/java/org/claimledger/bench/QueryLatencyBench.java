package org.claimledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimledger.testing.ServiceProcess;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark, not a test: loads the packaged service (a separate process, embedded PostgreSQL,
 * durable) with claims over HTTP up to each checkpoint, lets the read models catch up, then times
 * the two reads a historian makes most: one proposition with its verdict, and the first page of
 * disputes. Prints p50/p99 at every checkpoint, so growth with the corpus shows in one run.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests package exec:java} (options:
 * {@code -Dbench.checkpoints=10000,100000 -Dbench.samples=2000}).
 */
public final class QueryLatencyBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int CLAIMS_PER_SOURCE_BATCH = 500;

    public static void main(String[] args) throws Exception {
        int[] checkpoints = Arrays.stream(System.getProperty("bench.checkpoints", "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int samples = Integer.getInteger("bench.samples", 2000);
        int propositions = Integer.getInteger("bench.propositions", 10_000);
        Path dataDir = Path.of("target", "bench-data", "query-" + System.currentTimeMillis());
        try (ServiceProcess service = new ServiceProcess(dataDir).jvm("-Xmx2g")) {
            System.out.printf("starting the service (embedded PostgreSQL in %s)%n", dataDir);
            service.start();
            Corpus corpus = new Corpus(service, propositions);
            corpus.define();
            List<String> rows = new ArrayList<>();
            rows.add(String.format("%-10s %-12s %-14s %-22s %-22s", "claims", "load c/s", "catch-up s",
                    "proposition p50/p99 ms", "disputes p50/p99 ms"));
            for (int target : checkpoints) {
                long t0 = System.nanoTime();
                int loaded = corpus.loadUpTo(target);
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                awaitCaughtUp(service);
                double catchUp = (System.nanoTime() - t1) / 1e9;
                double[] proposition = time(service, samples, i -> "/api/propositions/" + corpus.proposition(i));
                double[] disputes = time(service, samples, i -> "/api/disputes?limit=50");
                rows.add(String.format(Locale.ROOT, "%-10d %-12.0f %-14.1f %-22s %-22s", corpus.claims,
                        loaded / loadSeconds, catchUp, fmt(proposition), fmt(disputes)));
                System.out.println(rows.get(rows.size() - 1));
            }
            System.out.println();
            System.out.println("Query latency, single client, sequential requests after " + samples / 4
                    + " warm-up requests, " + samples + " timed requests each:");
            rows.forEach(System.out::println);
        }
    }

    interface PathOf {
        String path(int i);
    }

    static double[] time(ServiceProcess service, int samples, PathOf path) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < samples / 4; i++) {
            check(service.get(path.path(random.nextInt(Integer.MAX_VALUE))));
        }
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            String p = path.path(random.nextInt(Integer.MAX_VALUE));
            long t = System.nanoTime();
            check(service.get(p));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[]{ms[samples / 2], ms[(int) Math.ceil(samples * 0.99) - 1]};
    }

    static String fmt(double[] p) {
        return String.format(Locale.ROOT, "%.2f / %.2f", p[0], p[1]);
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    static void awaitCaughtUp(ServiceProcess service) throws Exception {
        while (true) {
            JsonNode status = JSON.readTree(service.get("/api/admin/projections").body());
            boolean all = true;
            for (JsonNode p : status) {
                all &= p.get("caughtUp").asBoolean();
            }
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** A synthetic corpus shaped like the real one: many propositions, sources of a few camps, contested answers. */
    static final class Corpus {
        final ServiceProcess service;
        final int propositions;
        final Random random = new Random(42);
        int claims;
        int sources;

        Corpus(ServiceProcess service, int propositions) {
            this.service = service;
            this.propositions = propositions;
        }

        String proposition(int i) {
            return "bench/p" + (i % propositions);
        }

        void define() throws Exception {
            for (String e : List.of("ak", "nkvd", "red-army", "wehrmacht", "bench-place")) {
                post("/api/entities", "{\"id\":\"" + e + "\",\"labels\":{\"en\":\"" + e + "\"}}");
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < propositions; i++) {
                int n = i;
                done.add(pool.submit(() -> post("/api/propositions", "{\"id\":\"bench/p" + n
                        + "\",\"subject\":\"bench-place\",\"predicate\":\"p" + n + "\",\"valueType\":\"entity\","
                        + "\"cardinality\":\"single\",\"label\":\"Question " + n + "\"}")));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }

        int loadUpTo(int target) throws Exception {
            int before = claims;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            String[] origins = {"independent", "independent", "independent", "soviet-state", "polish-home-army"};
            String[] values = {"ak", "ak", "nkvd", "red-army"};
            while (claims < target) {
                String source = "bench-s" + (sources++);
                int count = Math.min(CLAIMS_PER_SOURCE_BATCH, target - claims);
                post("/api/sources", "{\"id\":\"" + source + "\",\"title\":\"Source " + source
                        + "\",\"kind\":\"scholarship\",\"published\":\"" + (1945 + random.nextInt(80))
                        + "\",\"origin\":\"" + origins[random.nextInt(origins.length)] + "\"}");
                ObjectNode batch = JSON.createObjectNode();
                ArrayNode items = batch.putArray("claims");
                for (int i = 0; i < count; i++) {
                    ObjectNode c = items.addObject();
                    c.put("id", source + "/c" + i);
                    c.put("propositionId", proposition(random.nextInt(propositions)));
                    c.put("stance", random.nextInt(10) == 0 ? "denies" : "asserts");
                    c.putObject("value").put("entity", values[random.nextInt(values.length)]);
                    c.put("quote", "a passage of some length, as sources tend to have, quoted exactly " + i);
                    c.put("quoteLanguage", "en");
                }
                String path = "/api/sources/" + source + "/claims";
                String body = batch.toString();
                done.add(pool.submit(() -> post(path, body)));
                claims += count;
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            return claims - before;
        }

        Void post(String path, String body) throws Exception {
            HttpResponse<String> r = service.post(path, body);
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
            }
            return null;
        }
    }

    private QueryLatencyBench() {
    }
}
