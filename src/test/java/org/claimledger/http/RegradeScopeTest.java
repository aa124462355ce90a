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

    @Test
    void a_source_joining_a_line_changes_no_verdict_it_says_nothing_about() {
        String city = unique("joined");
        post("/api/entities", Api.entity(city, "Lwów")).statusCode(201);
        String question = city + "/p";
        post("/api/propositions", Api.proposition(question, city, "boolean")).statusCode(201);
        String state = unique("state");
        String first = unique("aa-" + state);
        String second = unique("ab-" + state);
        for (String id : new String[]{first, second}) {
            Map<String, Object> source = new HashMap<>(Api.source(id));
            source.put("origin", state);
            post("/api/sources", source).statusCode(201);
            claim(id, question);
        }
        awaitVerdictsCaughtUp();
        var reasons = given().get("/api/propositions/" + question).jsonPath().getList("lines[0].mergedBecause");
        assertThat(reasons).containsExactly("shared origin " + state + ": " + first + ", " + second);
        double before = decided();

        // a third source of the same state joins their line, and testifies on nothing yet
        Map<String, Object> late = new HashMap<>(Api.source(unique("zz-" + state)));
        late.put("origin", state);
        post("/api/sources", late).statusCode(201);
        post("/api/sources/" + late.get("id") + "/assessments", Map.of("grade", "A", "rationale", "complete"))
                .statusCode(201);
        awaitVerdictsCaughtUp();

        assertThat(decided() - before).isZero();
        assertThat(given().get("/api/propositions/" + question).jsonPath().getList("lines[0].mergedBecause"))
                .isEqualTo(reasons);
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
