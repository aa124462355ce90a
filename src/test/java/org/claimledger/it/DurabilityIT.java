package org.claimledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.claimledger.embedded.EmbeddedPostgres;
import org.claimledger.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the ledger acknowledges, it keeps: across a clean restart and across a crash of both the
 * service and its PostgreSQL. Runs the packaged service as a separate process, as users run it.
 */
class DurabilityIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String QUOTE = "we waren dan ook enorm blij dat we Kraków intact hadden bevrijd";

    @Test
    void a_source_with_two_claims_survives_a_restart_and_reads_back_exactly() throws Exception {
        Path dataDir = Path.of("target", "it-data", "restart-" + System.currentTimeMillis());
        try (ServiceProcess ledger = new ServiceProcess(dataDir).jvm("-Dclaimledger.corpus.load-into-empty-ledger=false")) {
            Duration startup = ledger.start();
            assertThat(startup).as("start-up time").isLessThan(Duration.ofSeconds(30));
            writeCorpus(ledger);
            awaitSourceWithClaims(ledger, 2);
            ledger.awaitReadModels(); // every view, verdicts included, has seen both claims
            JsonNode before = JSON.readTree(ledger.get("/api/sources/konev-1969-memoir").body());
            JsonNode propositionBefore = JSON.readTree(ledger.get("/api/propositions/krakow-1945/city-taken-intact").body());

            ledger.stop();
            ledger.start();

            ledger.awaitReadModels();
            JsonNode after = JSON.readTree(ledger.get("/api/sources/konev-1969-memoir").body());
            assertThat(after).isEqualTo(before);
            assertThat(after.at("/claims/0/quote").asText()).isEqualTo(QUOTE);
            assertThat(JSON.readTree(ledger.get("/api/propositions/krakow-1945/city-taken-intact").body()))
                    .isEqualTo(propositionBefore);
            // replays after the restart are still recognised as replays
            assertThat(ledger.post("/api/sources", sourceJson()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void acknowledged_writes_survive_a_crash_of_the_service_and_its_database() throws Exception {
        Path dataDir = Path.of("target", "it-data", "crash-" + System.currentTimeMillis());
        try (ServiceProcess ledger = new ServiceProcess(dataDir).jvm("-Dclaimledger.corpus.load-into-empty-ledger=false")) {
            ledger.start();
            writeCorpus(ledger);
            int acknowledged = 0;
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = ledger.post("/api/sources/konev-1969-memoir/claims",
                        claimJson("konev-1969-memoir/crash-" + i, i % 2 == 0));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                acknowledged++;
            }
            ledger.crash();
            ledger.start();
            JsonNode profile = awaitSourceWithClaims(ledger, 2 + acknowledged);
            assertThat(profile.get("claims")).hasSize(2 + acknowledged);
            for (int i = 0; i < acknowledged; i++) {
                HttpResponse<String> replay = ledger.post("/api/sources/konev-1969-memoir/claims",
                        claimJson("konev-1969-memoir/crash-" + i, i % 2 == 0));
                assertThat(replay.statusCode()).as("claim %d was kept", i).isEqualTo(200);
            }
        }
    }

    @Test
    void claims_acknowledged_while_writers_share_transactions_survive_a_crash_in_the_middle_of_them() throws Exception {
        Path dataDir = Path.of("target", "it-data", "crash-load-" + System.currentTimeMillis());
        try (ServiceProcess ledger = loadable(dataDir)) {
            ledger.start();
            writeCorpus(ledger);
            Map<String, Boolean> acknowledged = underLoad(ledger, ledger::crash); // the JVM and its PostgreSQL

            Duration startup = ledger.start();
            // 17 s and more before the embedded Kafka broker started beside the service and stopped
            // waiting out its dead predecessor's session
            assertThat(startup).as("ready after a crash").isLessThan(Duration.ofSeconds(10));
            findEveryOne(ledger, acknowledged);
        }
    }

    /**
     * The OOM killer's way: SIGKILL for the JVM alone. The embedded PostgreSQL, a daemon, lives on
     * holding the data directory; the next start stops it and comes up on its own.
     */
    @Test
    void after_a_sigkill_of_the_service_alone_it_starts_again_by_itself_with_every_acknowledged_claim() throws Exception {
        Path dataDir = Path.of("target", "it-data", "kill-load-" + System.currentTimeMillis());
        Path postgresDir = dataDir.resolve("postgres");
        try (ServiceProcess ledger = loadable(dataDir)) {
            ledger.start();
            writeCorpus(ledger);
            Map<String, Boolean> acknowledged = underLoad(ledger, ledger::kill);
            ProcessHandle left = EmbeddedPostgres.postmaster(postgresDir).orElseThrow(() ->
                    new AssertionError("the embedded PostgreSQL did not outlive the JVM: this test tests nothing"));

            Duration startup = ledger.start();
            assertThat(left.isAlive()).as("the postmaster left behind was stopped").isFalse();
            ProcessHandle now = EmbeddedPostgres.postmaster(postgresDir).orElseThrow();
            assertThat(now.pid()).isNotEqualTo(left.pid());
            assertThat(startup).as("start-up after the kill").isLessThan(Duration.ofSeconds(60));
            findEveryOne(ledger, acknowledged);
        }
    }

    @Test
    void a_second_service_on_the_same_data_directory_refuses_to_start_and_leaves_the_first_alone() throws Exception {
        Path dataDir = Path.of("target", "it-data", "twice-" + System.currentTimeMillis());
        try (ServiceProcess first = loadable(dataDir)) {
            first.start();
            writeCorpus(first);
            ProcessHandle postmaster = EmbeddedPostgres.postmaster(dataDir.resolve("postgres")).orElseThrow();
            try (ServiceProcess second = loadable(dataDir)) {
                assertThatThrownBy(second::start).hasMessageContaining("another claimledger process is using");
            }
            assertThat(postmaster.isAlive()).as("the first service's PostgreSQL").isTrue();
            HttpResponse<String> r = first.post("/api/sources/konev-1969-memoir/claims",
                    claimJson("konev-1969-memoir/after-the-second", true));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    private static ServiceProcess loadable(Path dataDir) throws Exception {
        return new ServiceProcess(dataDir).jvm("-Dclaimledger.corpus.load-into-empty-ledger=false");
    }

    @FunctionalInterface
    interface Fault {
        void strike() throws Exception;
    }

    /**
     * 16 writers send claims until 300 or more are acknowledged, and the fault strikes while they are
     * still sending; returns the acknowledged claims (id: whether it asserts).
     */
    private static Map<String, Boolean> underLoad(ServiceProcess ledger, Fault fault) throws Exception {
        int writers = 16;
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean struck = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                for (int k = 0; !struck.get(); k++) {
                    String id = "konev-1969-memoir/load-" + writer + "-" + k;
                    try {
                        boolean asserts = k % 2 == 0;
                        HttpResponse<String> r = ledger.post("/api/sources/konev-1969-memoir/claims", claimJson(id, asserts));
                        if (r.statusCode() == 201) {
                            acknowledged.put(id, asserts);
                        } else if (!struck.get()) {
                            unexpected.add(id + ": " + r.statusCode() + " " + r.body());
                        }
                    } catch (Exception cutOff) {
                        // in flight when the service died: never acknowledged, so it may or may not be kept
                    }
                }
            });
        }
        long grouped;
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.size() >= 300);
            grouped = metric(ledger, "claimledger_writes_grouped_total");
            fault.strike(); // the writers are still sending
        } finally {
            struck.set(true); // the writers stop, whatever happened
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(unexpected).as("answers other than 201 before the fault").isEmpty();
        assertThat(acknowledged).as("claims acknowledged before the fault").hasSizeGreaterThanOrEqualTo(300);
        assertThat(grouped).as("requests that shared a transaction before the fault").isPositive();
        return acknowledged;
    }

    /** Every acknowledged claim is in the views and in the log (sending it again is a replay: 200). */
    private static void findEveryOne(ServiceProcess ledger, Map<String, Boolean> acknowledged) throws Exception {
        ledger.awaitReadModels();
        JsonNode profile = JSON.readTree(ledger.get("/api/sources/konev-1969-memoir").body());
        assertThat(profile.get("claims").size()).isGreaterThanOrEqualTo(2 + acknowledged.size());
        for (var claim : acknowledged.entrySet()) {
            String id = claim.getKey();
            HttpResponse<String> replay = ledger.post("/api/sources/konev-1969-memoir/claims", claimJson(id, claim.getValue()));
            assertThat(replay.statusCode()).as("acknowledged claim %s was kept: %s", id, replay.body()).isEqualTo(200);
        }
    }

    private static long metric(ServiceProcess ledger, String name) throws Exception {
        return ledger.get("/q/metrics").body().lines().filter(l -> l.startsWith(name))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void writeCorpus(ServiceProcess ledger) throws Exception {
        expect(201, () -> ledger.post("/api/entities",
                "{\"id\":\"krakow\",\"labels\":{\"pl\":\"Kraków\",\"en\":\"Cracow\",\"de\":\"Krakau\"},\"aliases\":[\"Krakow\"]}"));
        expect(201, () -> ledger.post("/api/propositions",
                "{\"id\":\"krakow-1945/city-taken-intact\",\"subject\":\"krakow\",\"predicate\":\"taken intact\","
                        + "\"valueType\":\"boolean\",\"cardinality\":\"single\",\"label\":\"Was Kraków taken intact?\"}"));
        expect(201, () -> ledger.post("/api/sources", sourceJson()));
        expect(201, () -> ledger.post("/api/sources/konev-1969-memoir/assessments",
                "{\"grade\":\"D\",\"rationale\":\"Commander's memoir published under Soviet censorship\"}"));
        expect(201, () -> ledger.post("/api/sources/konev-1969-memoir/claims",
                claimJson("konev-1969-memoir/krakow-taken-intact", true)));
        expect(201, () -> ledger.post("/api/sources/konev-1969-memoir/claims",
                claimJson("konev-1969-memoir/no-bridges-blown", false)));
    }

    private static String sourceJson() {
        return "{\"id\":\"konev-1969-memoir\",\"title\":\"Konev's war diary, 1969\",\"authors\":[\"Ivan Konev\"],"
                + "\"kind\":\"memoir\",\"published\":\"1969\",\"language\":\"ru\",\"origin\":\"soviet-state\","
                + "\"derivedFrom\":[],\"citation\":\"Konev 1969, 31-32\"}";
    }

    private static String claimJson(String id, boolean intact) {
        ObjectNode claim = JSON.createObjectNode()
                .put("id", id)
                .put("propositionId", "krakow-1945/city-taken-intact")
                .put("stance", intact ? "asserts" : "denies")
                .put("locator", "pp. 31-32")
                .put("quote", QUOTE)
                .put("quoteLanguage", "nl")
                .put("translation", "we were enormously glad that we had liberated Kraków intact");
        claim.putObject("value").put("boolean", true);
        return claim.toString();
    }

    private static JsonNode awaitSourceWithClaims(ServiceProcess ledger, int claims) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = ledger.get("/api/sources/konev-1969-memoir");
            if (r.statusCode() == 200) {
                last = JSON.readTree(r.body());
                if (last.get("claims").size() == claims) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the source view did not show " + claims + " claims: " + last);
    }

    private static void expect(int status, Callable<HttpResponse<String>> call) throws Exception {
        HttpResponse<String> r = call.call();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    }
}
