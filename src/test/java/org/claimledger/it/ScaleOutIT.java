package org.claimledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.claimledger.embedded.EmbeddedPostgres;
import org.claimledger.security.SigningKeys;
import org.claimledger.testing.Api;
import org.claimledger.testing.ServiceProcess;
import org.claimledger.testing.SseClient;
import org.claimledger.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three replicas of the packaged service on loopback ports, one PostgreSQL, one Kafka broker (all
 * started here): writes spread over the three, one replica killed (SIGKILL) in the middle of the
 * load. Nothing acknowledged is lost, nothing is written twice, every replica answers the same,
 * a stream opened on one replica hears what was written on the others, the killed replica's
 * segments are taken over within the claim timeout, and the topic carries every update once, in
 * order per proposition.
 */
class ScaleOutIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int PROPOSITIONS = 30;
    static final int SOURCES = 6;
    static final int CLAIMS_PER_WRITER = 150;
    /** The claim timeout (10 s) plus the claim interval (2 s), and slack for a loaded machine. */
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    @Test
    void three_replicas_share_the_work_and_lose_nothing_when_one_is_killed() throws Exception {
        Path base = Path.of("target", "it-data", "scale-out-" + System.currentTimeMillis()).toAbsolutePath();
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base.resolve("postgres"));
             KafkaClusterTestKit kafka = TestKafka.start(base.resolve("kafka"))) {
            List<ServiceProcess> replicas = new ArrayList<>();
            // one key pair for the three, as one identity provider would sign for a cluster
            Path keys = new SigningKeys(base.resolve("a").resolve("keys")).ensure().publicKey().getParent();
            for (String name : List.of("a", "b", "c")) {
                Path dir = base.resolve(name);
                if (!name.equals("a")) {
                    Files.createDirectories(dir.resolve("keys"));
                    for (String file : List.of("public.pem", "private.pem")) {
                        Files.copy(keys.resolve(file), dir.resolve("keys").resolve(file));
                    }
                }
                replicas.add(new ServiceProcess(dir)
                        .jvm("-Xmx512m")
                        .env("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl())
                        .env("QUARKUS_DATASOURCE_USERNAME", "postgres")
                        .env("QUARKUS_DATASOURCE_PASSWORD", "postgres")
                        .env("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
                        // what a deployment of replicas sets (k8s/base/config.env): work to share
                        .env("CLAIMLEDGER_PROJECTIONS_SEGMENTS", "3"));
            }
            try {
                run(pg, kafka, replicas);
            } finally {
                for (ServiceProcess replica : replicas) {
                    replica.close();
                }
            }
        }
    }

    private void run(EmbeddedPostgres pg, KafkaClusterTestKit kafka, List<ServiceProcess> replicas) throws Exception {
        // started together on a new ledger: one of them imports the corpus, once
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Duration>> starting = new ArrayList<>();
        for (ServiceProcess replica : replicas) {
            starting.add(pool.submit(replica::start));
        }
        for (Future<Duration> started : starting) {
            started.get();
        }
        long imports = 0;
        for (ServiceProcess replica : replicas) {
            imports += replica.log().lines().filter(l -> l.contains("Imported the corpus")).count();
        }
        assertThat(imports).as("replicas that imported the corpus").isEqualTo(1);

        // the read models' segments spread over the three
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(owners(pg).values().stream().distinct().count()).as("replicas holding segments")
                        .isEqualTo(3));

        ServiceProcess any = replicas.get(0);
        String subject = "scale-" + System.currentTimeMillis();
        expect(201, any.post("/api/entities", JSON.writeValueAsString(Api.entity(subject, "Kraków"))));
        for (int p = 0; p < PROPOSITIONS; p++) {
            ServiceProcess on = replicas.get(p % 3);
            expect(201, on.post("/api/propositions", JSON.writeValueAsString(
                    Api.proposition(subject + "/q" + p, subject, "boolean"))));
        }
        for (int s = 0; s < SOURCES; s++) {
            ServiceProcess on = replicas.get(s % 3);
            expect(201, on.post("/api/sources", JSON.writeValueAsString(Api.source(subject + "-s" + s))));
            expect(201, on.post("/api/sources/" + subject + "-s" + s + "/assessments",
                    JSON.writeValueAsString(Map.of("grade", s % 2 == 0 ? "B" : "C", "rationale", "read in full"))));
        }

        // the replica that holds the verdicts is the one to kill; the stream is heard on another
        String verdictsOwner = owners(pg).get("verdicts/0");
        ServiceProcess victim = replicas.stream().filter(r -> verdictsOwner.contains("-" + r.pid() + "-"))
                .findFirst().orElseThrow();
        ServiceProcess listener = replicas.stream().filter(r -> r != victim).findFirst().orElseThrow();
        List<ServiceProcess> survivors = replicas.stream().filter(r -> r != victim).toList();
        try (SseClient stream = SseClient.open("http://127.0.0.1:" + listener.port() + "/api/streams/claims?subject="
                + subject, null)) {
            AtomicInteger written = new AtomicInteger();
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(pool.submit(() -> write(replicas, writer, subject, written)));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> written.get() >= CLAIMS_PER_WRITER);
            long killed = System.nanoTime();
            victim.kill();
            String newOwner = awaitNewOwner(pg, verdictsOwner);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("verdicts taken over by %s %d ms after the kill%n", newOwner, takeover.toMillis());
            assertThat(takeover).as("takeover of the killed replica's verdicts").isLessThan(TAKEOVER_LIMIT);

            List<String> claims = new ArrayList<>();
            for (Future<List<String>> writer : writers) {
                claims.addAll(writer.get());
            }
            assertThat(claims).hasSize(3 * CLAIMS_PER_WRITER).doesNotHaveDuplicates();
            survivors.get(0).awaitReadModels();

            // nothing acknowledged lost, nothing twice, in every view
            assertThat(strings(pg, "SELECT id FROM claim_view WHERE proposition_id LIKE '" + subject + "/%'"))
                    .containsExactlyInAnyOrderElementsOf(claims);
            assertThat(strings(pg, "SELECT id FROM verdict_claim WHERE proposition_id LIKE '" + subject + "/%'"))
                    .containsExactlyInAnyOrderElementsOf(claims);
            assertThat(strings(pg, "SELECT data::json -> 'claim' ->> 'id' FROM update_feed WHERE type = 'claim-recorded' "
                    + "AND subject = '" + subject + "'")).containsExactlyInAnyOrderElementsOf(claims);
            // every survivor answers the same verdicts
            for (int p = 0; p < PROPOSITIONS; p++) {
                String path = "/api/propositions/" + subject + "/q" + p;
                JsonNode first = JSON.readTree(survivors.get(0).get(path).body());
                assertThat(JSON.readTree(survivors.get(1).get(path).body())).as(path).isEqualTo(first);
                assertThat(first.path("status").asText()).as(path).isNotEmpty();
            }
            // every survivor answers searches from its own index of the log, the killed replica's claims in it
            for (ServiceProcess survivor : survivors) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(survivor.get(
                        "/api/search?q=Historian&limit=1&subject=" + subject).body()).path("total").asLong())
                        .as("search on replica " + survivor.pid()).isEqualTo(claims.size()));
            }
            // the stream on one replica heard the claims written on all three, each once
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(heardClaims(stream)).containsExactlyInAnyOrderElementsOf(claims));
        }

        // the topic: every update of the feed once, in order per proposition
        Map<String, Long> feed = new HashMap<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT position, seq FROM update_feed ORDER BY position, seq")) {
            while (rs.next()) {
                String id = rs.getInt(2) <= 0 ? Long.toString(rs.getLong(1)) : rs.getLong(1) + "." + rs.getInt(2);
                feed.put(id, rs.getLong(1));
            }
        }
        List<ConsumerRecord<String, String>> records = readTopic(kafka, feed.size());
        List<String> ids = new ArrayList<>();
        Map<String, String> lastPerKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            String id = JSON.readTree(r.value()).path("id").asText();
            ids.add(id);
            String before = lastPerKey.put(r.key(), id);
            if (before != null) {
                assertThat(compare(before, id)).as("order of key " + r.key()).isNegative();
            }
        }
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(feed.keySet());

        // a rebuild runs where the read model is kept: elsewhere it is refused, naming the holder
        String holder = owners(pg).get("verdicts/0");
        ServiceProcess keeper = survivors.stream().filter(r -> holder.contains("-" + r.pid() + "-")).findFirst()
                .orElseThrow();
        ServiceProcess other = survivors.stream().filter(r -> r != keeper).findFirst().orElseThrow();
        HttpResponse<String> refused = other.post("/api/admin/projections/verdicts/rebuild", "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains(holder);
        String verdicts = "SELECT proposition_id, status, document::text FROM verdict_view WHERE proposition_id LIKE '"
                + subject + "/%' ORDER BY 1";
        List<String> before = rows(pg, verdicts);
        expect(202, keeper.post("/api/admin/projections/verdicts/rebuild", ""));
        keeper.awaitReadModels();
        assertThat(rows(pg, verdicts)).isEqualTo(before);
        pool.shutdownNow();
    }

    /** One writer's claims, sent round-robin over the replicas; a failed send goes to the next replica. */
    private static List<String> write(List<ServiceProcess> replicas, int writer, String subject,
                                      AtomicInteger written) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CLAIMS_PER_WRITER; i++) {
            String source = subject + "-s" + ((writer * 7 + i) % SOURCES);
            String id = source + "/w" + writer + "-" + i;
            String body = JSON.writeValueAsString(Map.of("id", id, "propositionId", subject + "/q" + (i % PROPOSITIONS),
                    "stance", i % 5 == 0 ? "denies" : "asserts", "value", Map.of("boolean", true)));
            for (int attempt = 0; ; attempt++) {
                ServiceProcess to = replicas.get((writer + i + attempt) % replicas.size());
                int status;
                try {
                    status = to.post("/api/sources/" + source + "/claims", body).statusCode();
                } catch (IOException unreachable) {
                    status = -1; // the replica is gone: the same claim again elsewhere (a replay is a no-op)
                }
                if (status == 201 || status == 200) {
                    break;
                }
                assertThat(attempt).as("attempts for " + id + " (last status " + status + ")").isLessThan(6);
            }
            ids.add(id);
            written.incrementAndGet();
        }
        return ids;
    }

    private static Set<String> heardClaims(SseClient stream) throws IOException {
        List<String> heard = new ArrayList<>();
        for (SseClient.Event e : stream.events()) {
            if ("claim-recorded".equals(e.type())) {
                heard.add(JSON.readTree(e.data()).path("claim").path("id").asText());
            }
        }
        assertThat(heard).doesNotHaveDuplicates();
        return new HashSet<>(heard);
    }

    /** Who holds each processor segment ({@code name/segment}), from the shared token table. */
    private static Map<String, String> owners(EmbeddedPostgres pg) throws Exception {
        Map<String, String> owners = new HashMap<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT processor_name, segment, owner FROM token_entry WHERE owner IS NOT NULL")) {
            while (rs.next()) {
                owners.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3));
            }
        }
        return owners;
    }

    private static String awaitNewOwner(EmbeddedPostgres pg, String was) {
        String[] now = new String[1];
        await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            now[0] = owners(pg).get("verdicts/0");
            return now[0] != null && !now[0].equals(was);
        });
        return now[0];
    }

    private static List<String> strings(EmbeddedPostgres pg, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<String> rows(EmbeddedPostgres pg, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return c != 0 ? c : Integer.compare(x.length > 1 ? Integer.parseInt(x[1]) : 0, y.length > 1 ? Integer.parseInt(y[1]) : 0);
    }

    private static List<ConsumerRecord<String, String>> readTopic(KafkaClusterTestKit kafka, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("claims.updates").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= expected;
            });
            // anything more would be a duplicate: give it a moment to show
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
        }
        return records;
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
}
