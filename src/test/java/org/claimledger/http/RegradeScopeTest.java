package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;

/** A regrade re-decides every proposition the source (or a source deriving from it) testifies on, and only those. */
@QuarkusTest
class RegradeScopeTest {

    @Test
    void regrading_a_source_re_decides_exactly_the_propositions_it_touches() {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String p1 = city + "/p1";
        String p2 = city + "/p2";
        String p3 = city + "/p3";
        for (String p : new String[]{p1, p2, p3}) {
            post("/api/propositions", Api.proposition(p, city, "boolean")).statusCode(201);
        }
        String graded = unique("graded");
        String unrelated = unique("unrelated");
        String retelling = unique("retelling");
        post("/api/sources", Api.source(graded)).statusCode(201);
        post("/api/sources", Api.source(unrelated)).statusCode(201);
        Map<String, Object> derived = new HashMap<>(Api.source(retelling));
        derived.put("derivedFrom", java.util.List.of(graded));
        post("/api/sources", derived).statusCode(201);
        claim(graded, p1);
        claim(unrelated, p2);
        claim(retelling, p3);

        awaitVerdictsCaughtUp();
        long p2Position = given().get("/api/propositions/" + p2).jsonPath().getLong("verdictPosition");
        double before = decided();

        post("/api/sources/" + graded + "/assessments", Map.of("grade", "D", "rationale", "late and partisan"))
                .statusCode(201);
        awaitVerdictsCaughtUp();

        assertThat(decided() - before).isEqualTo(2.0); // p1 (its own claim) and p3 (a retelling of it)
        given().get("/api/propositions/" + p3).then().body("positions[0].lines[0].weight", equalTo(0.3f));
        assertThat(given().get("/api/propositions/" + p2).jsonPath().getLong("verdictPosition")).isEqualTo(p2Position);
    }

    static void claim(String source, String proposition) {
        post("/api/sources/" + source + "/claims", Map.of("id", source + "/c", "propositionId", proposition,
                "stance", "asserts", "value", Map.of("boolean", true))).statusCode(201);
    }

    static void awaitVerdictsCaughtUp() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/admin/projections/verdicts")
                .then().statusCode(200).body("caughtUp", equalTo(true)));
    }

    static double decided() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("claimledger_verdicts_decided_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
