package org.claimledger.stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.axon.AxonLedger;
import org.claimledger.claim.ClaimCommand;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.Stance;
import org.claimledger.common.Value;
import io.restassured.RestAssured;
import org.claimledger.testing.Api;
import org.claimledger.testing.SseClient;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/** The update stream over server-sent events: filtered, ordered, resumable, and safe from slow readers. */
@QuarkusTest
class ServerSentEventsTest {

    static String url(String query) {
        return "http://localhost:" + RestAssured.port + "/api/streams/claims" + query;
    }

    @Test
    void a_filtered_subscriber_gets_exactly_the_matching_updates_in_order_and_resumes_without_gap_or_repeat()
            throws Exception {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String watched = city + "/watched";
        String other = city + "/other";
        post("/api/propositions", Api.proposition(watched, city, "boolean")).statusCode(201);
        post("/api/propositions", Api.proposition(other, city, "boolean")).statusCode(201);
        String a = unique("source-a");
        String b = unique("source-b");
        post("/api/sources", Api.source(a)).statusCode(201);
        post("/api/sources", Api.source(b)).statusCode(201);

        List<String> expected = new ArrayList<>();
        String lastSeen;
        try (SseClient client = SseClient.open(url("?proposition=" + watched), null)) {
            // subscribed before open() returns: the stream starts once the resource has registered it
            claim(a, watched, 1, true, expected);
            // the verdicts reader takes what is waiting: wait for the first verdict so the order is the caused one
            Api.awaitVerdict(watched, "single-line");
            claim(a, other, 2, true, null);
            claim(b, watched, 3, false, expected); // contests the watched verdict
            claim(b, other, 4, true, null);
            // four updates arrive, and nothing more for a while after them
            await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(300)).until(() -> client.events().size() == 4);
            List<SseClient.Event> got = client.events();
            assertThat(got).extracting(SseClient.Event::type).containsExactly("claim-recorded", "verdict-changed",
                    "claim-recorded", "verdict-changed");
            assertThat(got.get(1).data()).contains("\"from\":\"unattested\"").contains("\"to\":\"single-line\"");
            assertThat(got).allMatch(e -> e.data().contains("\"proposition\":\"" + watched + "\""));
            assertThat(got.stream().filter(e -> e.type().equals("claim-recorded")).map(SseClient.Event::data))
                    .zipSatisfy(expected, (data, id) -> assertThat(data).contains(id));
            assertThat(got.get(3).data()).contains("\"from\":\"single-line\"").contains("\"to\":\"contested\"");
            assertIncreasing(got);
            lastSeen = got.get(got.size() - 1).id();
        }

        List<String> missed = new ArrayList<>();
        claim(a, watched, 5, true, missed);
        claim(a, other, 6, false, null);
        claim(b, watched, 7, false, missed);
        try (SseClient resumed = SseClient.open(url("?proposition=" + watched), lastSeen)) {
            await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(500)).until(() -> resumed.events().size() == 2);
            assertThat(resumed.events()).extracting(SseClient.Event::type).containsExactly("claim-recorded",
                    "claim-recorded");
            assertThat(resumed.events().get(0).data()).contains(missed.get(0));
            assertThat(resumed.events().get(1).data()).contains(missed.get(1));
            assertThat(resumed.events().get(0).id()).isNotEqualTo(lastSeen);
            assertIncreasing(resumed.events());
        }
        // from= works as Last-Event-ID does, and type filters apply on the server
        try (SseClient verdicts = SseClient.open(url("?proposition=" + watched + "&type=verdict-changed&from=0"), null)) {
            await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(300)).until(() -> verdicts.events().size() == 2);
            assertThat(verdicts.events()).hasSize(2).allMatch(e -> e.type().equals("verdict-changed"));
        }
    }

    @Test
    void a_subscriber_that_does_not_read_is_cut_off_while_a_fast_one_gets_everything() throws Exception {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        int propositions = 40;
        for (int i = 0; i < propositions; i++) {
            post("/api/propositions", Api.proposition(city + "/busy-" + i, city, "boolean")).statusCode(201);
        }
        String source = unique("prolific");
        post("/api/sources", Api.source(source)).statusCode(201);
        double cutBefore = metric("claimledger_streams_cut_off_total");

        // enough data (about 9 MB) to fill the socket buffers of a client that does not read
        try (SseClient fast = SseClient.open(url("?subject=" + city + "&type=claim-recorded"), null);
             Socket slow = new Socket()) {
            slow.setReceiveBufferSize(1024);
            slow.connect(new InetSocketAddress("localhost", RestAssured.port));
            OutputStream out = slow.getOutputStream();
            out.write(("GET /api/streams/claims?subject=" + city + "&type=claim-recorded HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);

            int total = 4000;
            String passage = "x".repeat(2000);
            for (int batch = 0; batch < total / 1000; batch++) {
                List<Map<String, Object>> claims = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    int n = batch * 1000 + i;
                    claims.add(Map.of("id", source + "/c" + n, "propositionId", city + "/busy-" + (n % propositions),
                            "stance", "asserts", "value", Map.of("boolean", true), "quote", "reading " + n + " " + passage,
                            "quoteLanguage", "en"));
                }
                post("/api/sources/" + source + "/claims", Map.of("claims", claims)).statusCode(201);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> fast.events().size() >= total);
            assertThat(fast.events()).hasSize(total);
            assertIncreasing(fast.events());

            await().atMost(Duration.ofSeconds(15)).until(() -> metric("claimledger_streams_cut_off_total") > cutBefore);
            slow.setSoTimeout(10_000);
            InputStream in = slow.getInputStream();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            try {
                in.transferTo(received); // ends when the server has dropped the connection
            } catch (java.net.SocketException reset) {
                // dropped with data still unsent: as good an end as any
            }
            long events = received.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("id:")).count();
            assertThat(events).isLessThan(total);
        }
    }

    @Test
    void idle_streams_get_heartbeat_comments() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/streams/claims?proposition=" + unique("quiet")
                    + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            byte[] buffer = new byte[1024];
            while (System.nanoTime() < deadline && !seen.toString().contains(":keep-alive")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(seen.toString()).startsWith("HTTP/1.1 200").contains("text/event-stream").contains(":keep-alive");
        }
    }

    @Test
    void bad_filters_and_ids_are_refused() {
        given().accept("text/event-stream").queryParam("type", "gossip").get("/api/streams/claims").then()
                .statusCode(400).contentType("application/problem+json");
        given().accept("text/event-stream").header("Last-Event-ID", "yesterday").get("/api/streams/claims").then()
                .statusCode(400).contentType("application/problem+json");
    }

    static void claim(String source, String proposition, int n, boolean value, List<String> expected) {
        String id = source + "/claim-" + n;
        post("/api/sources/" + source + "/claims", Map.of("id", id, "propositionId", proposition,
                "stance", "asserts", "value", Map.of("boolean", value))).statusCode(201);
        if (expected != null) {
            expected.add(id);
        }
    }

    static void assertIncreasing(List<SseClient.Event> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(Cursor.parse("id", events.get(i).id())).isGreaterThan(Cursor.parse("id", events.get(i - 1).id()));
        }
    }

    static double metric(String name) {
        return given().get("/q/metrics").asString().lines().filter(l -> l.startsWith(name))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Inject
    AxonLedger ledger;

    @Test
    void an_update_whose_event_commits_after_a_later_one_still_reaches_a_subscriber_past_it() throws Exception {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String watched = city + "/watched";
        post("/api/propositions", Api.proposition(watched, city, "boolean")).statusCode(201);
        String source = unique("source");
        post("/api/sources", Api.source(source)).statusCode(201);
        try (SseClient client = SseClient.open(url("?proposition=" + watched + "&type=claim-recorded"), null)) {
            // the first claim takes its place in the log, and its transaction stays open...
            QuarkusTransaction.begin();
            try {
                ledger.commandGateway().sendAndWait(new ClaimCommand.RecordClaim(source + "/late", source,
                        new ClaimContent(watched, Stance.ASSERTS, new Value.Flag(true), null, null, null, null, null,
                                null, null)));
                // ...while a second, later in the log, commits and is streamed
                claim(source, watched, 2, true, null);
                await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 1);
            } finally {
                QuarkusTransaction.commit();
            }
            // the first commits last: the subscriber, already past the second, still hears of it, once
            await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(300)).until(() -> client.events().size() == 2);
            List<SseClient.Event> got = client.events();
            assertThat(got.get(1).data()).contains(source + "/late");
            assertThat(Cursor.parse("id", got.get(1).id())).isGreaterThan(Cursor.parse("id", got.get(0).id()));
        }
    }
}
