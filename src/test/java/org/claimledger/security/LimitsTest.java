package org.claimledger.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.claimledger.testing.SseClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One caller cannot take more than its share: the rate limit and the stream cap are reached, and released. */
@QuarkusTest
@TestProfile(LimitsTest.Tight.class)
class LimitsTest {

    /** Limits small enough to reach in a test. */
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimledger.limits.requests-per-second", "2",
                    "claimledger.limits.burst", "5",
                    "claimledger.limits.streams-per-caller", "2",
                    // as in production: a closed stream must come back long before the next heartbeat
                    "claimledger.streams.heartbeat", "15S");
        }
    }

    @Test
    void a_caller_over_its_rate_gets_429_with_retry_after_and_is_served_again_after_it() throws Exception {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(given().get("/api/disputes"));
        }
        Response refused = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 among " + answers.stream().map(Response::statusCode).toList()));
        assertThat(answers.get(0).statusCode()).isEqualTo(200);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 5L);
        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(given().get("/api/disputes").statusCode()).isEqualTo(200);
    }

    @Test
    void a_caller_may_hold_only_so_many_streams_and_gets_one_back_when_it_closes_one() throws Exception {
        String url = "http://localhost:" + RestAssured.port + "/api/streams/claims";
        SseClient first = SseClient.open(url, null);
        try (SseClient second = SseClient.open(url, null)) {
            Throwable third = org.assertj.core.api.Assertions.catchThrowable(() -> SseClient.open(url, null));
            assertThat(third).hasMessageContaining("429").hasMessageContaining("problem");
            first.close();
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
                try (SseClient again = SseClient.open(url, null)) {
                    assertThat(again.ended()).isFalse();
                }
            });
        }
    }
}
