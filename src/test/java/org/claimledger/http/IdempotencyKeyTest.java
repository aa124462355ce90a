package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Idempotency-Key on every POST: the first answer replayed, nothing written twice, another body refused. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    DataSource dataSource;

    @Test
    void the_same_assessment_sent_three_times_with_one_key_records_one_grade() {
        String source = unique("idem-source");
        post("/api/sources", Api.source(source)).statusCode(201);
        String key = UUID.randomUUID().toString();
        Map<String, String> grade = Map.of("grade", "D", "rationale", "memoir under censorship");
        long before = Api.events(dataSource);
        String etag = Api.json().header("Idempotency-Key", key).body(grade)
                .post("/api/sources/" + source + "/assessments").then().statusCode(201)
                .body("version", equalTo(1)).extract().header("ETag");
        for (int i = 0; i < 2; i++) {
            Api.json().header("Idempotency-Key", key).body(grade)
                    .post("/api/sources/" + source + "/assessments").then().statusCode(201)
                    .header("Idempotent-Replayed", "true").header("ETag", etag).body("version", equalTo(1));
        }
        assertThat(Api.events(dataSource)).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + source).then()
                .body("assessments", hasSize(1)));

        // without a key, the same body is a second grade, as it always was
        post("/api/sources/" + source + "/assessments", grade).statusCode(201).body("version", equalTo(2));
    }

    @Test
    void the_same_key_with_another_body_is_422_and_writes_nothing() {
        String source = unique("idem-other");
        post("/api/sources", Api.source(source)).statusCode(201);
        String key = UUID.randomUUID().toString();
        Api.json().header("Idempotency-Key", key).body(Map.of("grade", "B", "rationale", "first"))
                .post("/api/sources/" + source + "/assessments").then().statusCode(201);
        long before = Api.events(dataSource);
        Api.json().header("Idempotency-Key", key).body(Map.of("grade", "E", "rationale", "second"))
                .post("/api/sources/" + source + "/assessments").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        // the key names a request at an address: the same key elsewhere is another request too
        Api.json().header("Idempotency-Key", key).body(Api.source(unique("idem-elsewhere")))
                .post("/api/sources").then().statusCode(422);
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void a_replayed_registration_answers_201_with_its_location_and_a_refusal_is_not_remembered() {
        String source = unique("idem-register");
        String key = UUID.randomUUID().toString();
        String location = Api.json().header("Idempotency-Key", key).body(Api.source(source)).post("/api/sources")
                .then().statusCode(201).extract().header("Location");
        Api.json().header("Idempotency-Key", key).body(Api.source(source)).post("/api/sources").then()
                .statusCode(201).header("Location", location).body("recorded", equalTo(true));

        // refused (unknown source): nothing remembered, so the same request decides again once it can be written
        String later = unique("idem-later");
        String claimKey = UUID.randomUUID().toString();
        Map<String, String> assessment = Map.of("grade", "C", "rationale", "after registration");
        Api.json().header("Idempotency-Key", claimKey).body(assessment)
                .post("/api/sources/" + later + "/assessments").then().statusCode(404);
        post("/api/sources", Api.source(later)).statusCode(201);
        Api.json().header("Idempotency-Key", claimKey).body(assessment)
                .post("/api/sources/" + later + "/assessments").then().statusCode(201);

        Api.json().header("Idempotency-Key", "x".repeat(201)).body(Api.source(unique("idem-long")))
                .post("/api/sources").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void concurrent_retries_with_one_key_write_once() throws Exception {
        String source = unique("idem-race");
        post("/api/sources", Api.source(source)).statusCode(201);
        String key = UUID.randomUUID().toString();
        Map<String, String> grade = Map.of("grade", "A", "rationale", "raced");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> Api.json().header("Idempotency-Key", key).body(grade)
                        .post("/api/sources/" + source + "/assessments").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            // each retry got the first answer, or was told the first is under way
            assertThat(statuses).isSubsetOf(201, 409).contains(201);
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + source).then()
                .body("assessments", hasSize(1)));
    }
}
