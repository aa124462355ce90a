package org.claimledger.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.claimledger.stream.UpdateFeed;
import org.claimledger.testing.Api;
import org.claimledger.testing.SseClient;
import org.claimledger.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Limits fit for a reading room: a seminar behind one address keeps its live updates, pages, API
 * reads and writes each have their own budget, a token's subject is counted apart from its address,
 * and the ledger holds only so many streams in all. Readers are told apart as behind a proxy: by the
 * address it forwards.
 */
@QuarkusTest
@TestProfile(LimitsTest.ReadingRoom.class)
class LimitsTest {

    /** Limits small enough to reach in a test; slow refills, so that none comes back while a test counts. */
    public static class ReadingRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> limits = new java.util.HashMap<>(Map.ofEntries(
                    Map.entry("claimledger.limits.reads.address.burst", "200"),
                    Map.entry("claimledger.limits.reads.subject.burst", "10"),
                    Map.entry("claimledger.limits.pages.address.burst", "6"),
                    Map.entry("claimledger.limits.pages.subject.burst", "6"),
                    Map.entry("claimledger.limits.pages.board-cost", "3"),
                    Map.entry("claimledger.limits.writes.address.burst", "5"),
                    Map.entry("claimledger.limits.writes.subject.burst", "5"),
                    Map.entry("claimledger.limits.streams.per-address", "50"),
                    Map.entry("claimledger.limits.streams.per-subject", "3"),
                    Map.entry("claimledger.limits.streams.total", "60"),
                    // as deployed behind a proxy: the reader's address is the one it forwards
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"),
                    // as in production: a closed stream must come back long before the next heartbeat
                    Map.entry("claimledger.streams.heartbeat", "15S")));
            for (String demand : List.of("reads", "pages", "writes")) {
                limits.put("claimledger.limits." + demand + ".address.per-second", "1");
                limits.put("claimledger.limits." + demand + ".subject.per-second", "1");
            }
            return limits;
        }
    }

    static final String PROBLEM = "application/problem+json";

    @Inject
    UpdateFeed feed;

    private final List<SseClient> streams = new ArrayList<>();

    @BeforeEach
    void anonymousUnlessSaid() {
        RestAssured.replaceFiltersWith(List.of()); // each request here says itself which token it carries
    }

    @AfterEach
    void closeStreams() throws Exception {
        for (SseClient s : streams) {
            s.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> feed.subscribers() == 0);
    }

    @Test
    void fifty_readers_behind_one_address_each_keep_their_live_updates() throws Exception {
        String seminar = "198.51.100.7";
        for (int i = 0; i < 50; i++) {
            streams.add(stream(seminar, null));
        }
        assertThat(streams).noneMatch(SseClient::ended);

        Response fiftyFirst = streamRequest(seminar, null);
        assertThat(fiftyFirst.statusCode()).isEqualTo(429);
        assertThat(fiftyFirst.contentType()).startsWith(PROBLEM);
        assertThat(fiftyFirst.header("Retry-After")).isNotBlank();
        assertThat(fiftyFirst.jsonPath().getString("detail")).contains("50 open streams from one address");
        // the cap is the address's: a reader elsewhere is not held back by the seminar
        streams.add(stream("198.51.100.8", null));

        streams.remove(0).close();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> streams.add(stream(seminar, null)));
    }

    @Test
    void the_ledger_holds_only_so_many_streams_in_all_and_says_when_to_come_back() throws Exception {
        for (int i = 1; i <= 60; i++) {
            streams.add(stream("203.0.113." + i, null));
        }
        Response full = streamRequest("203.0.113.61", null);
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.contentType()).startsWith(PROBLEM);
        assertThat(Long.parseLong(full.header("Retry-After"))).isPositive();
        assertThat(full.jsonPath().getString("type")).endsWith("/streams-full");
        // a token does not jump the queue
        assertThat(streamRequest("203.0.113.61", TestTokens.token(Api.unique("reader"), "reader")).statusCode())
                .isEqualTo(503);

        streams.remove(0).close();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> streams.add(stream("203.0.113.61", null)));
    }

    @Test
    void pages_have_a_budget_of_their_own_in_which_the_board_costs_more() throws Exception {
        String flooding = "192.0.2.10";
        List<Integer> boards = untilRefused(() -> from(flooding).get("/"));
        // a burst of 6, the board costing 3
        assertThat(boards).hasSize(3).startsWith(200, 200).endsWith(429);
        Response refused = from(flooding).get("/");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith(PROBLEM);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3L);
        assertThat(refused.jsonPath().getString("detail")).contains("page requests from one address");

        // the API, the pages' stylesheet and the operations' endpoints are not pages
        from(flooding).get("/api/disputes").then().statusCode(200);
        from(flooding).get("/assets/ledger.css").then().statusCode(200);
        from(flooding).get("/q/metrics").then().statusCode(200);
        // a page cheaper than the board: six of them
        assertThat(untilRefused(() -> from("192.0.2.11").get("/contribute"))).hasSizeBetween(7, 8).endsWith(429);

        Thread.sleep(retryAfter * 1000 + 200);
        from(flooding).get("/").then().statusCode(200);
    }

    @Test
    void reads_used_up_leave_writes_alone_and_writes_used_up_leave_reads_and_pages_alone() {
        String reader = TestTokens.token(Api.unique("avid-reader"), "contributor");
        List<Integer> reads = untilRefused(() -> as(reader).get("/api/disputes"));
        assertThat(reads).hasSizeBetween(11, 12).endsWith(429);
        Response refused = as(reader).get("/api/disputes");
        assertThat(refused.contentType()).startsWith(PROBLEM);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.jsonPath().getString("detail")).contains("API reads for one token's subject");
        as(reader).contentType("application/json").body(Api.source(Api.unique("src"))).post("/api/sources")
                .then().statusCode(201);

        String writer = TestTokens.token(Api.unique("busy-writer"), "contributor");
        List<Integer> writes = untilRefused(() -> as(writer).contentType("application/json")
                .body(Api.source(Api.unique("src"))).post("/api/sources"));
        assertThat(writes).hasSizeBetween(6, 7).startsWith(201).endsWith(429);
        assertThat(as(writer).contentType("application/json").body(Api.source(Api.unique("src")))
                .post("/api/sources").jsonPath().getString("detail")).contains("writes for one token's subject");
        as(writer).get("/api/disputes").then().statusCode(200);
        as(writer).get("/contribute").then().statusCode(200);
    }

    @Test
    void a_token_is_counted_by_its_subject_wherever_it_comes_from_and_apart_from_its_address() throws Exception {
        String shared = "192.0.2.20";
        assertThat(untilRefused(() -> from(shared).get("/contribute"))).endsWith(429);
        String historian = TestTokens.token(Api.unique("historian"), "reader");
        // the address has used up its pages; the historian with a token has not
        from(shared).header("Authorization", "Bearer " + historian).get("/contribute").then().statusCode(200);

        String travelling = TestTokens.token(Api.unique("travelling"), "reader");
        assertThat(untilRefused(() -> from("192.0.2.21").header("Authorization", "Bearer " + travelling)
                .get("/api/disputes"))).endsWith(429);
        // from another address, the same subject's budget, still used up; an anonymous reader there is served
        from("192.0.2.22").header("Authorization", "Bearer " + travelling).get("/api/disputes").then().statusCode(429);
        from("192.0.2.22").get("/api/disputes").then().statusCode(200);

        // streams too: three for a subject, wherever it opens them, and none taken from the addresses
        String watcher = TestTokens.token(Api.unique("watcher"), "reader");
        for (int i = 0; i < 3; i++) {
            streams.add(stream("192.0.2." + (30 + i), watcher));
        }
        Response fourth = streamRequest("192.0.2.33", watcher);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.jsonPath().getString("detail")).contains("3 open streams for one token's subject");
        streams.add(stream("192.0.2.33", null));
    }

    /** The statuses of the same request sent until it is refused (at most 20); a second's refill may add one. */
    private static List<Integer> untilRefused(Supplier<Response> request) {
        List<Integer> statuses = new ArrayList<>();
        while (statuses.size() < 20 && !statuses.contains(429)) {
            statuses.add(request.get().statusCode());
        }
        return statuses;
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static SseClient stream(String address, String token) throws Exception {
        Map<String, String> headers = token == null ? Map.of("X-Forwarded-For", address)
                : Map.of("X-Forwarded-For", address, "Authorization", "Bearer " + token);
        return SseClient.openWith("http://localhost:" + RestAssured.port + "/api/streams/claims", headers);
    }

    /** A stream request expected to be refused (one let through would not end). */
    private static Response streamRequest(String address, String token) {
        RequestSpecification request = from(address).accept("text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.get("/api/streams/claims");
    }
}
