package org.claimledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.claimledger.claim.ClaimInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.claimledger.axon.EventRows.Row;
import org.claimledger.security.SigningKeys;
import org.claimledger.testing.ServiceProcess;
import org.claimledger.testing.TestKafka;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark suite: every figure of issue 7 against its physical floor, measured in one run on
 * one PostgreSQL. Not a test: a harness that prints a table and writes it as JSON.
 *
 * <ol>
 *   <li>floor: raw JDBC inserts of the ledger's own event rows into a copy of the event table
 *   (one row per commit; batches of 100 with reWriteBatchedInserts; COPY), and a raw sequential
 *   read of the event table;</li>
 *   <li>peer: plain Axon 4.13 in this process (SimpleCommandBus, JdbcEventStorageEngine, the same
 *   PostgreSQL, one new aggregate per command with the ledger's claim payload) at 1, 8 and 32
 *   threads: the framework the ledger is built on, which its writes are compared with;</li>
 *   <li>ingest: claims through the whole path (HTTP, validation, command, event store, commit)
 *   with 1, 8 and 32 clients, in batches of 100, and one source taken to 10,000 claims;</li>
 *   <li>stream: server-sent-event lag with many subscribers, and the service's memory;</li>
 *   <li>scale: the log taken to 10k, 100k and 1M claims (the ledger's own event rows, loaded
 *   with COPY): read models' catch-up, a rebuild of the verdicts, and query latency.</li>
 *   <li>export (not in the default run): the linked-data export of a ledger of
 *   {@code -Dbench.export-claims} claims (1M), as N-Quads and as JSON-LD, from a service held to
 *   {@code -Dbench.export-heap} (-Xmx256m): triples/s, and the heap in use after a collection, sampled
 *   while it streams.</li>
 *   <li>search (not in the default run): the log taken to 100k and 1M claims quoted in five languages
 *   with English translations: the search index catching up beside every other read model, then
 *   rebuilt alone, its size per claim, and search latency for one word, three words and a phrase.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests package exec:java}. Options: {@code -Dbench.parts=floor,peer,ingest,stream,scale},
 * {@code -Dbench.checkpoints=10000,100000,1000000}, {@code -Dbench.seconds=15}, {@code -Dbench.subscribers=1000},
 * {@code -Dbench.rate=100}, {@code -Dbench.pg=jdbc:postgresql://host:5432/} for an external server.
 * The service runs as its own process ({@code java -jar target/quarkus-app/quarkus-run.jar}); the
 * load comes from this one, through the JDK HTTP client, after a warm-up that lasts until the rate has settled.
 */
public final class LedgerBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Report report = new Report();
    private final BenchPostgres pg;
    private final Path dataDir;
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final String heap = System.getProperty("bench.heap", "-Xmx3g");
    private final double[] singleRowFloor = new double[3];
    /** Plain Axon's commands per second at 1, 8 and 32 threads, and its p50 and p99 at each. */
    private final double[][] peer = new double[3][];
    private double batchedFloor;

    private LedgerBench(BenchPostgres pg, Path dataDir) {
        this.pg = pg;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = List.of(System.getProperty("bench.parts", "floor,peer,ingest,stream,scale").split(","));
        Path dataDir = Path.of("target", "bench-data", "run-" + System.currentTimeMillis());
        long started = System.nanoTime();
        try (BenchPostgres pg = BenchPostgres.start(dataDir.resolve("postgres"))) {
            LedgerBench bench = new LedgerBench(pg, dataDir);
            Report r = bench.report;
            r.setup("date", LocalDate.now().toString());
            r.setup("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                    + System.getProperty("java.version"));
            r.setup("postgres", pg.describe());
            r.setup("service", "java " + bench.heap + " -jar target/quarkus-app/quarkus-run.jar (own process)");
            if (parts.contains("floor") || parts.contains("ingest")) {
                bench.floor();
            }
            if (parts.contains("peer") || parts.contains("ingest")) {
                bench.peer();
            }
            if (parts.contains("ingest") || parts.contains("stream")) {
                bench.ingestAndStream(parts.contains("ingest"), parts.contains("stream"));
            }
            if (parts.contains("scale")) {
                bench.scale();
            }
            if (parts.contains("replicas")) {
                bench.replicas();
            }
            if (parts.contains("export")) {
                bench.export();
            }
            if (parts.contains("search")) {
                bench.search();
            }
            r.setup("took", String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - started) / 60e9));
            r.print();
            r.write(Path.of("target", "bench", "ledger-bench.json"));
        }
        System.exit(0);
    }

    // ---- 1. the floor ------------------------------------------------------------------------

    private void floor() throws Exception {
        System.out.println("== floor: raw JDBC on the same PostgreSQL");
        pg.recreate("bench_floor");
        List<Row> rows = BenchPostgres.generate(Integer.getInteger("bench.floor-claims", 100_000));
        int[] clients = {1, 8, 32};
        try (Connection c = pg.connect("bench_floor")) {
            BenchPostgres.createFloorTable(c, "floor_event");
        }
        AtomicInteger next = new AtomicInteger(); // numbers every row written, so each is new
        for (int i = 0; i < clients.length; i++) {
            int n = clients[i];
            // one row per transaction, as a single-claim request commits one event
            List<Row> pool = rows;
            double[] rate = runFor(n, Math.min(seconds, 5), () -> {
                Connection c = pg.connect("bench_floor");
                PreparedStatement ps = c.prepareStatement(BenchPostgres.INSERT.formatted("floor_event"));
                return () -> {
                    int k = next.getAndIncrement();
                    Row r = pool.get(k % pool.size());
                    BenchPostgres.bind(ps, new Row(r.eventId() + "-" + k, r.aggregateId() + "-" + k, r.seq(),
                            r.aggregateType(), r.timestamp(), r.payloadType(), r.revision(), r.payload(), r.metaData()));
                    ps.executeUpdate();
                };
            });
            singleRowFloor[i] = rate[0];
            report.add(new Report.Figure("floor", "insert, 1 row per commit, " + n + " connections", rate[0], "rows/s",
                    null, null, null, "p99 " + Report.num(rate[2]) + " ms", null));
        }
        try (Connection c = pg.connect("bench_floor")) {
            BenchPostgres.createFloorTable(c, "floor_event");
        }
        // batches of 100 rows, one commit each, 4 connections (as the batched ingestion below)
        AtomicInteger batch = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService pool = pool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            done.add(pool.submit(() -> {
                try (Connection c = pg.connect("bench_floor");
                     PreparedStatement ps = c.prepareStatement(BenchPostgres.INSERT.formatted("floor_event"))) {
                    c.setAutoCommit(false);
                    int b;
                    while ((b = batch.getAndIncrement()) * 100 < rows.size()) {
                        for (int k = b * 100; k < Math.min(rows.size(), b * 100 + 100); k++) {
                            BenchPostgres.bind(ps, rows.get(k));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        batchedFloor = rows.size() / ((System.nanoTime() - t0) / 1e9);
        report.add("floor", "insert, batches of 100 rows, 4 connections", batchedFloor, "rows/s");
        try (Connection c = pg.connect("bench_floor")) {
            BenchPostgres.createFloorTable(c, "floor_event");
            long t1 = System.nanoTime();
            long copied = BenchPostgres.copy(c, "floor_event", out -> rows.forEach(out));
            report.add("floor", "COPY, one transaction", copied / ((System.nanoTime() - t1) / 1e9), "rows/s");
        }
    }

    // ---- the peer: the framework alone ---------------------------------------------------------

    private void peer() throws Exception {
        System.out.println("== peer: plain Axon 4.13 in this process, on the same PostgreSQL");
        pg.recreate("bench_peer");
        int poolSize = Integer.getInteger("bench.peer-pool", 40); // the service's own pool size
        try (PlainAxonPeer axon = new PlainAxonPeer(pg.url("bench_peer"), pg.user, pg.password, poolSize)) {
            AtomicLong ids = new AtomicLong();
            WorkerFactory commands = () -> {
                Random random = new Random(Thread.currentThread().getId());
                return () -> {
                    long id = ids.incrementAndGet();
                    var command = JSON.treeToValue(claim("bench-s" + (id % 100) + "/c" + id,
                            "bench/p" + random.nextInt(1000), random), ClaimInput.class).toRecord("bench-s" + (id % 100));
                    axon.gateway().sendAndWait(command);
                };
            };
            warmUp("peer", commands);
            int[] threads = {1, 8, 32};
            for (int i = 0; i < threads.length; i++) {
                peer[i] = runFor(threads[i], seconds, commands);
                report.against("peer", "plain Axon, " + threads[i] + " threads (p50 " + Report.num(peer[i][1])
                                + " / p99 " + Report.num(peer[i][2]) + " ms)", peer[i][0], "commands/s",
                        "insert 1 row/commit, " + threads[i] + " conn", singleRowFloor[i], null, null);
            }
            long committed = axon.committed();
            if (committed < ids.get()) {
                throw new IllegalStateException("plain Axon acknowledged " + ids.get() + " commands but holds "
                        + committed + " events");
            }
        }
    }

    // ---- 2. ingestion through the whole path, and 5. streams -----------------------------------

    private void ingestAndStream(boolean ingest, boolean stream) throws Exception {
        pg.recreate("bench_ingest");
        try (ServiceProcess service = service("ingest", "bench_ingest")) {
            service.start();
            Client client = new Client(service);
            String[] sources = new String[100];
            int propositions = 1000;
            setUp(client, sources, propositions);
            if (ingest) {
                System.out.println("== ingest: claims through HTTP, validation, command, event store, commit");
                AtomicLong ids = new AtomicLong();
                Random random = new Random(1);
                Singles singles = new Singles(client, sources, propositions, ids);
                warmUp("ingest", singles::worker);
                int[] clients = {1, 8, 32};
                for (int i = 0; i < clients.length; i++) {
                    Map<String, Double> countersBefore = counters(client);
                    double[] r = runFor(clients[i], seconds, singles::worker);
                    report.against("ingest", "single-claim requests, " + clients[i] + " clients (p50 "
                                    + Report.num(r[1]) + " / p99 " + Report.num(r[2]) + " ms)", r[0], "claims/s",
                            "insert 1 row/commit, " + clients[i] + " conn", singleRowFloor[i], null, null);
                    perTransaction(countersBefore, counters(client), clients[i], r[0] * seconds);
                    if (peer[i] != null) {
                        String peerTarget = null;
                        Boolean peerMet = null;
                        if (clients[i] == 32) {
                            peerTarget = ">= 1.0x, p99 < 50 ms";
                            peerMet = r[0] >= peer[i][0] && r[2] < 50;
                        } else if (clients[i] == 1) {
                            peerTarget = "p50 < 5 ms";
                            peerMet = r[1] < 5;
                        }
                        report.against("ingest", "  the same, against the framework", r[0], "claims/s",
                                "plain Axon, " + clients[i] + " threads", peer[i][0], peerTarget, peerMet);
                    }
                }
                double[] b = runFor(4, seconds, () -> {
                    return () -> {
                        String source = sources[random.nextInt(sources.length)];
                        ObjectNode body = JSON.createObjectNode();
                        ArrayNode items = body.putArray("claims");
                        for (int k = 0; k < 100; k++) {
                            items.add(claim(source + "/b" + ids.incrementAndGet(), "bench/p" + random.nextInt(propositions),
                                    random));
                        }
                        client.post("/api/sources/" + source + "/claims", body.toString(), 201);
                    };
                });
                double batched = b[0] * 100;
                report.against("ingest", "batches of 100 claims, 4 clients (p99 " + Report.num(b[2]) + " ms/batch)",
                        batched, "claims/s", "insert batches of 100, 4 conn", batchedFloor, ">= 1/3 of floor",
                        batched >= batchedFloor / 3);
                bigSource(client, propositions);
            }
            if (stream) {
                streams(service, client);
            }
        }
    }

    private void setUp(Client client, String[] sources, int propositions) throws Exception {
        for (String e : List.of("ak", "nkvd", "red-army", "wehrmacht", "bench-place")) {
            client.post("/api/entities", "{\"id\":\"" + e + "\",\"labels\":{\"en\":\"" + e + "\"}}", 201);
        }
        ExecutorService pool = pool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < propositions; i++) {
            int n = i;
            done.add(pool.submit(() -> client.post("/api/propositions", "{\"id\":\"bench/p" + n
                    + "\",\"subject\":\"bench-place\",\"predicate\":\"p" + n + "\",\"valueType\":\"entity\","
                    + "\"cardinality\":\"single\"}", 201)));
        }
        String[] origins = SyntheticLedger.ORIGINS;
        for (int i = 0; i < sources.length; i++) {
            sources[i] = "bench-s" + i;
            String body = "{\"id\":\"" + sources[i] + "\",\"title\":\"Source " + i + "\",\"kind\":\"scholarship\","
                    + "\"published\":\"" + (1945 + i % 80) + "\",\"origin\":\"" + origins[i % origins.length] + "\"}";
            done.add(pool.submit(() -> client.post("/api/sources", body, 201)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    static ObjectNode claim(String id, String proposition, Random random) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("propositionId", proposition);
        c.put("stance", random.nextInt(10) == 0 ? "denies" : "asserts");
        c.putObject("value").put("entity", SyntheticLedger.VALUES[random.nextInt(SyntheticLedger.VALUES.length)]);
        c.put("quote", "a passage of some length, as sources tend to have, quoted exactly as printed");
        c.put("quoteLanguage", "en");
        return c;
    }

    /** Single-claim requests to random sources and propositions. */
    private record Singles(Client client, String[] sources, int propositions, AtomicLong ids) {
        Work worker() {
            Random random = new Random(Thread.currentThread().getId());
            return () -> {
                String source = sources[random.nextInt(sources.length)];
                client.post("/api/sources/" + source + "/claims",
                        claim(source + "/c" + ids.incrementAndGet(), "bench/p" + random.nextInt(propositions), random)
                                .toString(), 201);
            };
        }
    }

    /** One source taken to 10,000 claims: does its 10,000th claim cost what its first did? */
    private void bigSource(Client client, int propositions) throws Exception {
        client.post("/api/sources", "{\"id\":\"bench-big\",\"title\":\"A big source\",\"kind\":\"archival-document\","
                + "\"published\":\"1946\",\"origin\":\"independent\"}", 201);
        int total = 10_000;
        double[] latency = new double[total];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = pool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            done.add(pool.submit(() -> {
                Random random = new Random(Thread.currentThread().getId());
                int k;
                while ((k = next.getAndIncrement()) < total) {
                    String body = claim("bench-big/c" + k, "bench/p" + random.nextInt(propositions), random).toString();
                    long t = System.nanoTime();
                    client.post("/api/sources/bench-big/claims", body, 201);
                    latency[k] = (System.nanoTime() - t) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double first = mean(Arrays.copyOfRange(latency, 0, 1000));
        double last = mean(Arrays.copyOfRange(latency, total - 1000, total));
        report.against("ingest", "one source: mean latency of its last 1,000 of 10,000 claims", last, "ms",
                "its first 1,000", first, "<= 1.5x the first", last <= 1.5 * first);
    }

    /**
     * Lag measured so that the load generator is not what is measured: 20 subscribers parse every
     * line and note each update's lag from its record time; the other 980 only count bytes and
     * ids (no strings made). The harness's own CPU is reported beside the service's.
     */
    private void streams(ServiceProcess service, Client client) throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 1000);
        int parsing = Math.min(subscribers, Integer.getInteger("bench.parsing-subscribers", 20));
        int rate = Integer.getInteger("bench.rate", 100);
        int streamSeconds = Integer.getInteger("bench.stream-seconds", 20);
        System.out.printf("== stream: %d subscribers (%d parsing), %d updates/s for %d s%n", subscribers, parsing,
                rate, streamSeconds);
        long rssBefore = rss(service.pid());
        double heapBefore = heapAfterCollection(service, client);
        List<java.util.function.Supplier<double[]>> readers = new ArrayList<>();
        AtomicInteger open = new AtomicInteger();
        AtomicLong received = new AtomicLong();
        List<Flow.Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            HttpRequest request = HttpRequest.newBuilder(client.uri("/api/streams/claims?type=claim-recorded&proposition=bench/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + client.token)
                    // from the start of the stream: a subscriber registered late still hears every update
                    .header("Last-Event-ID", "0").GET().build();
            if (i >= parsing) {
                HTTP.sendAsync(request, HttpResponse.BodyHandlers.fromSubscriber(new IdCounter(subscriptions, open, received)));
                continue;
            }
            var lines = new Flow.Subscriber<String>() {
                final double[] mine = new double[streamSeconds * rate + 100];
                int n;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    opened(s, subscriptions, open);
                }

                @Override
                public void onNext(String line) {
                    int at = line.indexOf("\"recordedAt\":\"");
                    if (line.startsWith("data:") && at > 0) {
                        int from = at + 14;
                        Instant recorded = Instant.parse(line.substring(from, line.indexOf('"', from)));
                        if (n < mine.length) {
                            mine[n++] = (System.currentTimeMillis() - recorded.toEpochMilli());
                        }
                        received.incrementAndGet();
                    }
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }

                double[] lags() {
                    return Arrays.copyOf(mine, n);
                }
            };
            readers.add(lines::lags);
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(lines));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (open.get() < subscribers && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(2000); // let the last subscribers' first reads reach the feed
        client.post("/api/propositions", "{\"id\":\"bench/stream\",\"subject\":\"bench-place\",\"predicate\":\"stream\","
                + "\"valueType\":\"entity\",\"cardinality\":\"single\"}", 201);
        int total = streamSeconds * rate;
        Random random = new Random(3);
        long serviceCpu0 = cpuNanos(service.pid());
        long ownCpu0 = ownCpuNanos();
        long start = System.nanoTime();
        ExecutorService pool = pool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int k = 0; k < total; k++) {
            long due = start + (long) (k * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = claim("bench-s0/stream" + k, "bench/stream", random).toString();
            done.add(pool.submit(() -> client.post("/api/sources/bench-s0/claims", body, 201)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long expected = (long) total * subscribers;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double serviceCores = (cpuNanos(service.pid()) - serviceCpu0) / 1e9 / wall;
        double ownCores = (ownCpuNanos() - ownCpu0) / 1e9 / wall;
        long rssWith = rss(service.pid());
        double heapWith = heapAfterCollection(service, client);
        synchronized (subscriptions) {
            subscriptions.forEach(Flow.Subscription::cancel);
        }
        awaitNoSubscribers(client, Duration.ofSeconds(30)); // the service notices closed streams within a second
        double heapAfter = heapAfterCollection(service, client);
        double[] all = readers.stream().map(java.util.function.Supplier::get).flatMapToDouble(Arrays::stream)
                .sorted().toArray();
        report.add(new Report.Figure("stream", "deliveries: " + received.get() + " of " + expected + " ("
                + open.get() + " subscribers open)", received.get() * 100.0 / expected, "%", null, null, null,
                "all delivered", received.get() == expected));
        report.add(new Report.Figure("stream", "lag from record time, p50 (" + subscribers + " subscribers, "
                + rate + "/s; sampled on " + parsing + " that parse every line)", percentile(all, 0.50), "ms",
                null, null, null, null, null));
        report.add(new Report.Figure("stream", "lag from record time, p99", percentile(all, 0.99), "ms",
                null, null, null, "< 250 ms", percentile(all, 0.99) < 250));
        report.add(new Report.Figure("stream", "lag from record time, max", all.length == 0 ? 0 : all[all.length - 1],
                "ms", null, null, null, null, null));
        report.add("stream", "CPU of the service while streaming (cores busy)", serviceCores, "cores");
        report.add("stream", "CPU of the load generator (this harness) meanwhile", ownCores, "cores");
        report.against("stream", "service resident memory with the subscribers", rssWith / 1048576.0, "MiB",
                "without them", rssBefore / 1048576.0, null, null);
        report.against("stream", "service heap after a collection, with the subscribers", heapWith / 1048576.0, "MiB",
                "without them, before", heapBefore / 1048576.0, null, null);
        // the same updates in the service's window, the subscribers gone: what they alone hold
        report.against("stream", "service heap after a collection, with the subscribers", heapWith / 1048576.0, "MiB",
                "without them, after", heapAfter / 1048576.0, "<= 1.2x", heapWith <= 1.2 * heapAfter);
    }

    /**
     * A subscriber that only counts: bytes, and the lines that begin with {@code id:} (one per
     * update), with a three-state scan and no strings made.
     */
    static final class IdCounter implements Flow.Subscriber<List<java.nio.ByteBuffer>> {
        private final List<Flow.Subscription> subscriptions;
        private final AtomicInteger open;
        private final AtomicLong received;
        private int state = 1; // 1: at a line's start, 2: after 'i', 3: after "id", 0: elsewhere in a line
        long bytes;

        IdCounter(List<Flow.Subscription> subscriptions, AtomicInteger open, AtomicLong received) {
            this.subscriptions = subscriptions;
            this.open = open;
            this.received = received;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            opened(s, subscriptions, open);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            long ids = 0;
            for (java.nio.ByteBuffer b : buffers) {
                bytes += b.remaining();
                while (b.hasRemaining()) {
                    byte c = b.get();
                    if (c == '\n') {
                        state = 1;
                    } else if (state == 1 && c == 'i') {
                        state = 2;
                    } else if (state == 2 && c == 'd') {
                        state = 3;
                    } else if (state == 3 && c == ':') {
                        ids++;
                        state = 0;
                    } else {
                        state = 0;
                    }
                }
            }
            if (ids > 0) {
                received.addAndGet(ids);
            }
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }
    }

    /** Until the service's own gauge says no stream is open. */
    static void awaitNoSubscribers(Client client, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean open = client.get("/q/metrics").lines().anyMatch(l -> l.startsWith("claimledger_streams_subscribers")
                    && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > 0);
            if (!open) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service still counts open streams after " + limit);
    }

    /** A subscriber's stream is open: kept to be cancelled at the end, counted, and read as fast as it comes. */
    static void opened(Flow.Subscription s, List<Flow.Subscription> subscriptions, AtomicInteger open) {
        synchronized (subscriptions) {
            subscriptions.add(s);
        }
        open.incrementAndGet();
        s.request(Long.MAX_VALUE);
    }

    /** CPU time (user and system) a process has used so far, from /proc (clock ticks of 10 ms). */
    static long cpuNanos(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    static long ownCpuNanos() throws Exception {
        return cpuNanos(ProcessHandle.current().pid());
    }

    /** The service's heap in use right after a full collection (what it holds, not what it has yet to free). */
    static double heapAfterCollection(ServiceProcess service, Client client) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gc.waitFor(60, TimeUnit.SECONDS);
        return heapUsed(client);
    }

    // ---- 3. and 4. the log at scale: catch-up, rebuild, queries -------------------------------------

    private void scale() throws Exception {
        int[] checkpoints = Arrays.stream(System.getProperty("bench.checkpoints", "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int samples = Integer.getInteger("bench.samples", 1000);
        pg.recreate("bench_scale");
        SyntheticLedger ledger = new SyntheticLedger("bench");
        double firstProposition = 0;
        double firstDisputes = 0;
        try (ServiceProcess service = service("scale", "bench_scale")) {
            service.start();
            Client client = new Client(service);
            for (int target : checkpoints) {
                System.out.printf("== scale: the log taken to %,d claims%n", target);
                String at = String.format(Locale.ROOT, "%,d claims", target);
                long before = ledger.events;
                long t0 = System.nanoTime();
                try (Connection c = pg.connect("bench_scale")) {
                    BenchPostgres.copy(c, "domain_event_entry", out -> ledger.upTo(target, out));
                }
                long added = ledger.events - before;
                double copySeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                awaitCaughtUp(client, null, Duration.ofMinutes(20));
                double catchUp = added / ((System.nanoTime() - t1) / 1e9);
                long t2 = System.nanoTime();
                long read;
                try (Connection c = pg.connect("bench_scale")) {
                    read = BenchPostgres.readAll(c, "domain_event_entry");
                }
                double rawRead = read / ((System.nanoTime() - t2) / 1e9);
                report.add(new Report.Figure("scale", at + ": log now " + String.format(Locale.ROOT, "%,d", read)
                        + " events; COPY of the new " + String.format(Locale.ROOT, "%,d", added), added / copySeconds,
                        "events/s", null, null, null, null, null));
                report.add("scale", at + ": raw sequential read of the event table", rawRead, "rows/s");
                boolean large = target >= 1_000_000;
                report.against("scale", at + ": every read model catching up on the new events", catchUp, "events/s",
                        "raw sequential read", rawRead, large ? ">= 20,000/s" : null, large ? catchUp >= 20_000 : null);
                long t3 = System.nanoTime();
                client.post("/api/admin/projections/verdicts/rebuild", "", 202, 200);
                awaitCaughtUp(client, "verdicts", Duration.ofMinutes(20));
                double rebuild = read / ((System.nanoTime() - t3) / 1e9);
                report.against("scale", at + ": rebuild of the verdict views", rebuild, "events/s",
                        "raw sequential read", rawRead, ">= 50,000/s and >= 0.3 of the raw read",
                        rebuild >= 50_000 && rebuild >= 0.3 * rawRead);
                // queries of the service at rest: the new updates published to Kafka first (a bulk
                // catch-up hands the publisher all of them at once)
                long t4 = System.nanoTime();
                awaitPublished(client, Duration.ofMinutes(20));
                report.add("scale", at + ": Kafka publication level with the update stream after the rebuild",
                        (System.nanoTime() - t4) / 1e9, "s");
                double[] proposition = time(client, samples, i -> "/api/propositions/" + ledger.proposition(
                        i % ledger.propositions));
                double[] disputes = time(client, samples, i -> "/api/disputes?limit=50");
                boolean first = firstProposition == 0;
                if (first) {
                    firstProposition = proposition[1];
                    firstDisputes = disputes[1];
                }
                report.against("scale", at + ": GET /api/propositions/{id} p99 (p50 " + Report.num(proposition[0])
                                + " ms)", proposition[1], "ms", "p99 at " + checkpoints[0], firstProposition,
                        large ? "< 10 ms, <= 2x" : null, large ? proposition[1] < 10 && proposition[1] <= 2 * firstProposition : null);
                report.against("scale", at + ": GET /api/disputes first page p99 (p50 " + Report.num(disputes[0])
                                + " ms)", disputes[1], "ms", "p99 at " + checkpoints[0], firstDisputes,
                        large ? "< 10 ms, <= 2x" : null, large ? disputes[1] < 10 && disputes[1] <= 2 * firstDisputes : null);
            }
        }
    }

    // ---- the linked-data export (issue 19; not in the default run) -----------------------------------

    /**
     * A synthetic ledger loaded into the log, the read models caught up, then the whole ledger
     * exported as N-Quads and as JSON-LD by a service with a small heap: the heap after a collection
     * is sampled every 2 s while the export streams (those collections slow it a little: the rate
     * is a floor), and must stay far below what the ledger would take in memory.
     */
    private void export() throws Exception {
        int claims = Integer.getInteger("bench.export-claims", 1_000_000);
        String exportHeap = System.getProperty("bench.export-heap", "-Xmx256m");
        pg.recreate("bench_export");
        SyntheticLedger ledger = new SyntheticLedger("bench");
        ServiceProcess service = new ServiceProcess(dataDir.resolve("export")).jvm(exportHeap,
                        "-Dclaimledger.corpus.load-into-empty-ledger=false",
                        "-Dquarkus.log.category.\"org.claimledger\".level=" + System.getProperty("bench.log", "WARN"))
                .env("QUARKUS_DATASOURCE_JDBC_URL", pg.url("bench_export"))
                .env("QUARKUS_DATASOURCE_USERNAME", pg.user)
                .env("QUARKUS_DATASOURCE_PASSWORD", pg.password);
        try (service) {
            service.start();
            Client client = new Client(service);
            System.out.printf("== export: a ledger of %,d claims, the service under %s%n", claims, exportHeap);
            long t0 = System.nanoTime();
            try (Connection c = pg.connect("bench_export")) {
                BenchPostgres.copy(c, "domain_event_entry", out -> ledger.upTo(claims, out));
            }
            awaitCaughtUp(client, null, Duration.ofMinutes(30));
            String at = String.format(Locale.ROOT, "%,d claims", claims);
            report.add("export", at + ": loaded and every read model caught up", (System.nanoTime() - t0) / 1e9, "s");
            double idle = heapAfterCollection(service, client);
            long triples = 0;
            for (String[] format : new String[][]{{"application/n-quads", "N-Quads"}, {"application/ld+json", "JSON-LD"}}) {
                AtomicLong peak = new AtomicLong();
                java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        try {
                            peak.accumulateAndGet((long) heapAfterCollection(service, client), Math::max);
                            Thread.sleep(2000);
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                long t1 = System.nanoTime();
                sampler.start();
                HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(client.uri("/api/export"))
                        .header("Accept", format[0]).timeout(Duration.ofMinutes(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/export -> " + r.statusCode());
                }
                long bytes = 0;
                long lines = 0;
                byte[] buffer = new byte[1 << 16];
                try (java.io.InputStream in = r.body()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        bytes += n;
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
                double seconds = (System.nanoTime() - t1) / 1e9;
                running.set(false);
                sampler.join();
                if (triples == 0) {
                    triples = lines; // N-Quads: a line a triple; JSON-LD carries the same triples
                }
                report.add(new Report.Figure("export", at + ": " + format[1] + " export, "
                        + String.format(Locale.ROOT, "%,d triples, %.0f MB in %.1f s", triples, bytes / 1e6, seconds),
                        triples / seconds, "triples/s", null, null, null, null, null));
                report.against("export", at + ": " + format[1] + " export, peak service heap after a collection while streaming",
                        peak.get() / 1048576.0, "MiB", "at rest before the exports", idle / 1048576.0,
                        "under " + exportHeap, null);
            }
        }
    }

    // ---- search (issue 20; not in the default run) ---------------------------------------------------

    private void search() throws Exception {
        int[] checkpoints = Arrays.stream(System.getProperty("bench.search.checkpoints", "100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int samples = Integer.getInteger("bench.samples", 1000);
        pg.recreate("bench_search");
        SyntheticTexts texts = new SyntheticTexts();
        SyntheticLedger ledger = new SyntheticLedger("bench", texts);
        try (ServiceProcess service = service("search", "bench_search")) {
            service.start();
            Client client = new Client(service);
            for (int target : checkpoints) {
                System.out.printf("== search: the log taken to %,d claims in five languages%n", target);
                String at = String.format(Locale.ROOT, "%,d claims", target);
                int claimsBefore = ledger.claims;
                try (Connection c = pg.connect("bench_search")) {
                    BenchPostgres.copy(c, "domain_event_entry", out -> ledger.upTo(target, out));
                }
                int added = ledger.claims - claimsBefore;
                boolean large = target >= 1_000_000;
                long t0 = System.nanoTime();
                awaitCaughtUp(client, "search", Duration.ofMinutes(30));
                double beside = added / ((System.nanoTime() - t0) / 1e9);
                report.add("search", at + ": index catching up on the new claims, beside every other read model",
                        beside, "claims/s");
                awaitCaughtUp(client, null, Duration.ofMinutes(30));
                // alone: the update stream's publisher had the million claims to send to Kafka too, and in
                // some runs was still at it, taking a third of the CPU from the rebuild
                awaitPublished(client, Duration.ofMinutes(30));
                long t1 = System.nanoTime();
                client.post("/api/admin/projections/search/rebuild", "", 202, 200);
                // a local read model says it is replaying from the request until it has read to the head it was asked at
                org.awaitility.Awaitility.await("the rebuild has read to the head").atMost(Duration.ofMinutes(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> !JSON.readTree(client.get("/api/admin/projections/search")).get("replaying").asBoolean());
                awaitCaughtUp(client, "search", Duration.ofMinutes(30));
                double alone = ledger.claims / ((System.nanoTime() - t1) / 1e9);
                report.against("search", at + ": index rebuilt alone from the whole log", alone, "claims/s",
                        "catching up beside the others", beside, large ? ">= 20,000/s" : null, large ? alone >= 20_000 : null);
                // the segments on disk: every refresh flushes them, committed or not
                long bytes = directorySize(dataDir.resolve("search").resolve("search"));
                report.add("search", at + ": index size per claim (" + Report.num(bytes / 1e6) + " MB on disk)",
                        (double) bytes / ledger.claims, "bytes");
                record Query(String name, PathOf path) {
                }
                for (Query q : List.of(
                        new Query("one word", i -> searchPath(texts.word(i % 5, new Random(i)))),
                        new Query("three words", i -> {
                            Random r = new Random(i);
                            return searchPath(texts.word(i % 5, r) + " " + texts.word(i % 5, r) + " " + texts.word(i % 5, r));
                        }),
                        new Query("a phrase of two words", i -> {
                            Random r = new Random(i);
                            return searchPath("\"" + texts.word(i % 5, r) + " " + texts.word(i % 5, r) + "\"");
                        }))) {
                    double[] ms = time(client, samples, q.path());
                    report.add(new Report.Figure("search", at + ": GET /api/search, " + q.name() + ", p99 (p50 "
                            + Report.num(ms[0]) + " ms)", ms[1], "ms", null, null, null, large ? "< 50 ms" : null,
                            large ? ms[1] < 50 : null));
                }
            }
        }
    }

    private static String searchPath(String q) {
        return "/api/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long directorySize(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        // merges go on after a rebuild: a file that vanishes while the tree is walked is not counted
        long[] bytes = {0};
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                bytes[0] += attributes.size();
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, java.io.IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }

    // ---- replicas sharing one ledger (issue 8; not in the default run) -------------------------------

    /**
     * Single-claim throughput with 32 clients spread over one, then three replicas of the service on
     * one PostgreSQL and one Kafka broker; then the replica holding the verdicts killed (SIGKILL):
     * how long until another replica holds them, and until every read model has caught up again.
     */
    private void replicas() throws Exception {
        System.out.println("== replicas: one and three services sharing one PostgreSQL and one Kafka broker");
        double one = 0;
        try (KafkaClusterTestKit kafka = TestKafka.start(dataDir.resolve("kafka"))) {
            for (int n : new int[]{1, 3}) {
                String database = "bench_replicas_" + n;
                pg.recreate(database);
                List<ServiceProcess> services = new ArrayList<>();
                Path keys = new SigningKeys(dataDir.resolve("replicas-" + n + "-0").resolve("keys")).ensure()
                        .publicKey().getParent();
                try {
                    for (int i = 0; i < n; i++) {
                        String name = "replicas-" + n + "-" + i;
                        if (i > 0) {
                            Path to = Files.createDirectories(dataDir.resolve(name).resolve("keys"));
                            for (String file : List.of("public.pem", "private.pem")) {
                                Files.copy(keys.resolve(file), to.resolve(file));
                            }
                        }
                        ServiceProcess service = service(name, database).jvm("-Xmx1g")
                                .env("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
                                .env("CLAIMLEDGER_PROJECTIONS_SEGMENTS", "3"); // as replicas are deployed
                        services.add(service);
                        service.start();
                    }
                    List<Client> clients = services.stream().map(Client::new).toList();
                    String[] sources = new String[100];
                    int propositions = 1000;
                    setUp(clients.get(0), sources, propositions);
                    AtomicLong ids = new AtomicLong();
                    AtomicInteger next = new AtomicInteger();
                    WorkerFactory spread = () -> new Singles(clients.get(next.getAndIncrement() % n), sources,
                            propositions, ids).worker();
                    runFor(8, 10, spread); // warm-up, and time for the replicas to share the segments
                    double[] r = runFor(32, seconds, spread);
                    if (n == 1) {
                        one = r[0];
                    }
                    String figure = "single-claim requests, 32 clients over " + n + " replica" + (n == 1 ? "" : "s")
                            + " (p50 " + Report.num(r[1]) + " / p99 " + Report.num(r[2]) + " ms)";
                    if (n == 1) {
                        report.add("replicas", figure, r[0], "claims/s");
                    } else {
                        report.against("replicas", figure, r[0], "claims/s", "one replica", one, null, null);
                    }
                    if (n > 1) {
                        takeover(services, clients, database);
                    }
                } finally {
                    for (ServiceProcess service : services) {
                        service.close();
                    }
                }
            }
        }
    }

    /** Kills the replica holding the verdicts; times the takeover and the read models' catch-up. */
    private void takeover(List<ServiceProcess> services, List<Client> clients, String database) throws Exception {
        awaitCaughtUp(clients.get(0), null, Duration.ofMinutes(5));
        String owner;
        try (Connection c = pg.connect(database)) {
            owner = BenchPostgres.text(c, "SELECT owner FROM token_entry WHERE processor_name = 'verdicts'");
        }
        int victim = -1;
        for (int i = 0; i < services.size(); i++) {
            if (owner != null && owner.contains("-" + services.get(i).pid() + "-")) {
                victim = i;
            }
        }
        if (victim < 0) {
            throw new IllegalStateException("no replica holds the verdicts: " + owner);
        }
        Client survivor = clients.get((victim + 1) % clients.size());
        long killed = System.nanoTime();
        services.get(victim).kill();
        // writes go on at the survivors meanwhile
        String source = "bench-s1";
        survivor.post("/api/sources/" + source + "/claims", claim(source + "/after-kill", "bench/p1",
                new Random(3)).toString(), 201);
        String now = owner;
        while (owner.equals(now) || now == null) {
            Thread.sleep(50);
            try (Connection c = pg.connect(database)) {
                now = BenchPostgres.text(c, "SELECT owner FROM token_entry WHERE processor_name = 'verdicts'");
            }
            if (System.nanoTime() - killed > TimeUnit.MINUTES.toNanos(2)) {
                throw new IllegalStateException("nobody took over the verdicts");
            }
        }
        double takenOver = (System.nanoTime() - killed) / 1e6;
        awaitCaughtUp(survivor, null, Duration.ofMinutes(2));
        double caughtUp = (System.nanoTime() - killed) / 1e6;
        report.add(new Report.Figure("replicas", "replica holding the verdicts killed: another holds them after",
                takenOver, "ms", null, null, null, "claim timeout 10 s + claim interval 2 s", null));
        report.add(new Report.Figure("replicas", "... and every read model has caught up again after", caughtUp, "ms",
                null, null, null, null, null));
    }

    interface PathOf {
        String path(int i);
    }

    static double[] time(Client client, int samples, PathOf path) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < samples / 4; i++) {
            client.get(path.path(random.nextInt(Integer.MAX_VALUE)));
        }
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            String p = path.path(random.nextInt(Integer.MAX_VALUE));
            long t = System.nanoTime();
            client.get(p);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[]{percentile(ms, 0.5), percentile(ms, 0.99)};
    }

    /** Waits until the Kafka publisher has published everything in the update stream. */
    static void awaitPublished(Client client, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(client.get("/api/streams/kafka"));
            if (status.path("published").asText().equals(status.path("head").asText())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Kafka publication did not catch up within " + limit);
    }

    /** Waits until one read model (or all, for null) stands level with the head of the log. */
    static void awaitCaughtUp(Client client, String name, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String path = "/api/admin/projections" + (name == null ? "" : "/" + name);
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(client.get(path));
            boolean all = true;
            for (JsonNode p : status.isArray() ? status : JSON.createArrayNode().add(status)) {
                // (a replay stays flagged until an event after it arrives: level with the head is done)
                all &= p.get("caughtUp").asBoolean() && p.path("position").asLong(-1) >= p.get("head").asLong();
                if (p.hasNonNull("error") || p.hasNonNull("lastBulkFailure")) {
                    // a figure for a rebuild or catch-up that rolled back would be a figure for nothing
                    throw new IllegalStateException("read model failed: " + p);
                }
            }
            if (all) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("read models did not catch up: " + client.get(path));
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    private ServiceProcess service(String name, String database) throws Exception {
        ServiceProcess service = new ServiceProcess(dataDir.resolve(name)).jvm(heap,
                        "-Dclaimledger.corpus.load-into-empty-ledger=false",
                        "-Dquarkus.log.category.\"org.claimledger\".level=" + System.getProperty("bench.log", "WARN"))
                .env("QUARKUS_DATASOURCE_JDBC_URL", pg.url(database))
                .env("QUARKUS_DATASOURCE_USERNAME", pg.user)
                .env("QUARKUS_DATASOURCE_PASSWORD", pg.password);
        String extra = System.getProperty("bench.service-opts", "-Dclaimledger.verdicts.cache-mb=1024").trim();
        if (!extra.isEmpty()) {
            service.jvm(extra.split("\\s+"));
        }
        String profile = System.getProperty("bench.profile");
        if (profile != null) {
            service.jvm("-XX:FlightRecorderOptions=stackdepth=256", "-XX:StartFlightRecording=filename=" + dataDir.resolve(name + ".jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        return service;
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface WorkerFactory {
        Work create() throws Exception;
    }

    /**
     * Runs {@code clients} threads, each repeating its work, for {@code seconds}; returns
     * operations per second, p50 and p99 latency in ms.
     */
    static double[] runFor(int clients, int seconds, WorkerFactory factory) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = pool(clients);
        List<Future<double[]>> done = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            done.add(pool.submit(() -> {
                Work work = factory.create();
                ready.countDown();
                ready.await();
                double[] ms = new double[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    work.run();
                    if (n == ms.length) {
                        ms = Arrays.copyOf(ms, n * 2);
                    }
                    ms[n++] = (System.nanoTime() - t) / 1e6;
                }
                return Arrays.copyOf(ms, n);
            }));
        }
        long started = System.nanoTime();
        List<double[]> all = new ArrayList<>();
        try {
            for (Future<double[]> f : done) {
                all.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double[] ms = all.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new double[]{ms.length / elapsed, percentile(ms, 0.5), percentile(ms, 0.99)};
    }

    /** Daemon threads: a failed run must end the harness, not hang it. */
    /**
     * Runs 8 clients in windows of 5 s until their rate stops climbing (no window 5 % above the best
     * before it, three times running), at least {@code bench.warmup-min} and at most
     * {@code bench.warmup-max} seconds. The service's JIT takes minutes to settle: after a fixed 10 s
     * it was still compiling on a third of a core, and a cold service is not what is measured.
     */
    private void warmUp(String part, WorkerFactory work) throws Exception {
        long min = Long.getLong("bench.warmup-min", 30);
        long max = Long.getLong("bench.warmup-max", 180);
        long started = System.nanoTime();
        double best = 0;
        double last = 0;
        int flat = 0;
        double elapsed = 0;
        while (elapsed < max && (elapsed < min || flat < 3)) {
            last = runFor(8, 5, work)[0];
            if (last > best * 1.05) {
                best = last;
                flat = 0;
            } else {
                flat++;
            }
            elapsed = (System.nanoTime() - started) / 1e9;
        }
        report.setup(part + " warm-up", String.format(Locale.ROOT, "%.0f s at 8 clients, the last 5 s at %.0f/s (best %.0f/s)%s",
                elapsed, last, best, flat < 3 ? ", still climbing at the limit" : ""));
    }

    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static long rss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /** The service's counters of write and read-model transactions (absent before issue 17: then empty). */
    static Map<String, Double> counters(Client client) throws Exception {
        Map<String, Double> counters = new java.util.TreeMap<>();
        for (String line : client.get("/q/metrics").split("\n")) {
            if (line.startsWith("claimledger_writes_") || line.startsWith("claimledger_readers_")) {
                counters.merge(line.substring(0, line.lastIndexOf(' ')),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return counters;
    }

    /** Requests per write transaction, and each read model's events per transaction, between two readings. */
    private void perTransaction(Map<String, Double> before, Map<String, Double> after, int clients, double requests) {
        java.util.function.ToDoubleFunction<String> delta = key -> after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
        double writes = delta.applyAsDouble("claimledger_writes_transactions_total");
        if (writes > 0) {
            report.add("ingest", "  requests per write transaction, " + clients + " clients", requests / writes, "req/tx");
        }
        for (String reader : List.of("claims", "verdicts", "updates")) {
            double transactions = delta.applyAsDouble("claimledger_readers_transactions_total{reader=\"" + reader + "\"}");
            if (transactions > 0) {
                report.add("ingest", "  " + reader + " reader, " + clients + " clients",
                        delta.applyAsDouble("claimledger_readers_events_total{reader=\"" + reader + "\"}") / transactions,
                        "events/tx");
            }
        }
    }

    static double heapUsed(Client client) throws Exception {
        double sum = 0;
        for (String line : client.get("/q/metrics").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The load generator's view of the service: the JDK HTTP client with the service's own token. */
    static final class Client {
        final int port;
        final String token;

        Client(ServiceProcess service) {
            this.port = service.port();
            this.token = service.token();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String get(String path) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
            if (path.startsWith("/api/admin")) {
                request.header("Authorization", "Bearer " + token);
            }
            // other reads as a historian makes them: without an account (reads are public by default)
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        Void post(String path, String body, int... expected) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            for (int e : expected) {
                if (r.statusCode() == e) {
                    return null;
                }
            }
            throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
    }

}
