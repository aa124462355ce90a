package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.json;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ClaimsApiTest {

    static final String QUOTE = "we waren dan ook enorm blij dat we Kraków intact hadden bevrijd";

    @Inject
    DataSource dataSource;

    String city;
    String intact;
    String savedBy;
    String source;

    @BeforeEach
    void corpus() {
        city = unique("krakow");
        intact = city + "/taken-intact";
        savedBy = city + "/saved-by";
        source = unique("konev-1969-memoir");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        post("/api/entities", Api.entity(city + "-ak", "Armia Krajowa")).statusCode(201);
        post("/api/propositions", Api.proposition(intact, city, "boolean")).statusCode(201);
        post("/api/propositions", Api.proposition(savedBy, city, "entity")).statusCode(201);
        post("/api/sources", Api.source(source)).statusCode(201);
    }

    Map<String, Object> claim(String id) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("id", id);
        claim.put("propositionId", intact);
        claim.put("stance", "asserts");
        claim.put("value", Map.of("boolean", true));
        claim.put("locator", "pp. 31-32");
        claim.put("quote", QUOTE);
        claim.put("quoteLanguage", "nl");
        claim.put("translation", "we were enormously glad that we had liberated Kraków intact");
        return claim;
    }

    @Test
    void a_recorded_claim_reads_back_exactly_under_its_source_and_its_proposition() {
        String id = source + "/taken-intact";
        post("/api/sources/" + source + "/claims", claim(id))
                .statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", endsWith("/api/sources/" + source + "/claims/" + id))
                .body("id", equalTo(id));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().get("/api/sources/" + source).then().statusCode(200)
                    .body("claims", hasSize(1))
                    .body("claims[0].quote", equalTo(QUOTE))
                    .body("claims[0].value.boolean", equalTo(true))
                    .body("claims[0].quoteLanguage", equalTo("nl"));
            given().get("/api/propositions/" + intact).then().statusCode(200)
                    .body("valueType", equalTo("boolean"))
                    .body("claims.id", equalTo(List.of(id)));
            given().get("/api/sources/" + source + "/claims/" + id).then().statusCode(200)
                    .header("ETag", org.hamcrest.Matchers.startsWith("\"0.")).body("locator", equalTo("pp. 31-32"));
        });
    }

    @Test
    void replaying_a_claim_is_a_no_op_and_reusing_its_id_otherwise_is_409() {
        String id = source + "/replayed";
        post("/api/sources/" + source + "/claims", claim(id)).statusCode(201);
        long before = Api.events(dataSource);
        post("/api/sources/" + source + "/claims", claim(id)).statusCode(200).body("recorded", equalTo(false));
        Map<String, Object> other = claim(id);
        other.put("stance", "denies");
        post("/api/sources/" + source + "/claims", other).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(id));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void a_batch_is_recorded_whole_and_replays_as_a_no_op() {
        List<Map<String, Object>> claims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            claims.add(claim(source + "/batch-" + i));
        }
        long before = Api.events(dataSource);
        post("/api/sources/" + source + "/claims", Map.of("claims", claims)).statusCode(201)
                .body("claims.id", hasSize(5))
                .body("claims.recorded", equalTo(List.of(true, true, true, true, true)));
        assertThat(Api.events(dataSource)).isEqualTo(before + 5);
        post("/api/sources/" + source + "/claims", Map.of("claims", claims)).statusCode(200)
                .body("claims.recorded", equalTo(List.of(false, false, false, false, false)));
        assertThat(Api.events(dataSource)).isEqualTo(before + 5);
    }

    @Test
    void one_bad_claim_in_a_batch_writes_nothing_and_names_its_place() {
        List<Map<String, Object>> claims = new ArrayList<>();
        claims.add(claim(source + "/good-0"));
        Map<String, Object> wrongType = claim(source + "/bad-1");
        wrongType.put("value", Map.of("date", "1945-01-18"));
        claims.add(wrongType);
        claims.add(claim(source + "/good-2"));
        long before = Api.events(dataSource);
        post("/api/sources/" + source + "/claims", Map.of("claims", claims)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("claims[1].value"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void static_problems_in_a_batch_are_all_listed_at_once() {
        Map<String, Object> noStance = claim(source + "/s0");
        noStance.remove("stance");
        Map<String, Object> badEnum = claim(source + "/s1");
        badEnum.put("stance", "maybe");
        long before = Api.events(dataSource);
        post("/api/sources/" + source + "/claims", Map.of("claims", List.of(noStance, badEnum, "not a claim")))
                .statusCode(400)
                .body("errors.field", hasItem("claims[0].stance"))
                .body("errors.field", hasItem("claims[1].stance"))
                .body("errors.field", hasItem("claims[2]"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void a_claim_about_an_unknown_proposition_is_404_naming_it() {
        Map<String, Object> c = claim(source + "/unknown-prop");
        c.put("propositionId", city + "/no-such-question");
        long before = Api.events(dataSource);
        post("/api/sources/" + source + "/claims", c).statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(city + "/no-such-question"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void a_claim_of_an_unknown_source_is_404() {
        String ghost = unique("ghost");
        post("/api/sources/" + ghost + "/claims", claim(ghost + "/c")).statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(ghost));
    }

    @Test
    void bad_claims_are_400_problem_naming_each_field_and_nothing_is_written() {
        long before = Api.events(dataSource);
        Map<String, Object> missing = claim(source + "/missing");
        missing.remove("propositionId");
        post("/api/sources/" + source + "/claims", missing).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("propositionId"));

        Map<String, Object> wrongEnum = claim(source + "/wrong-enum");
        wrongEnum.put("stance", "suggests");
        post("/api/sources/" + source + "/claims", wrongEnum).statusCode(400)
                .body("errors.field", hasItem("stance"))
                .body("errors.find { it.field == 'stance' }.message", containsString("asserts, denies"));

        Map<String, Object> oversized = claim(source + "/oversized");
        oversized.put("quote", "x".repeat(10_001));
        post("/api/sources/" + source + "/claims", oversized).statusCode(400)
                .body("errors.field", hasItem("quote"));

        Map<String, Object> badValue = claim(source + "/bad-value");
        badValue.put("value", Map.of("min", 7000, "max", 3000, "unit", "persons"));
        post("/api/sources/" + source + "/claims", badValue).statusCode(400)
                .body("errors.field", hasItem("value"));

        json().body("{\"id\":\"x\", \"stance\": asserts}").post("/api/sources/" + source + "/claims").then()
                .statusCode(400).contentType("application/problem+json");
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void an_entity_value_must_name_a_defined_entity() {
        Map<String, Object> c = claim(source + "/saved-by");
        c.put("propositionId", savedBy);
        c.put("value", Map.of("entity", city + "-ak"));
        post("/api/sources/" + source + "/claims", c).statusCode(201);
        Map<String, Object> ghost = claim(source + "/saved-by-ghost");
        ghost.put("propositionId", savedBy);
        ghost.put("value", Map.of("entity", unique("ghost-brigade")));
        post("/api/sources/" + source + "/claims", ghost).statusCode(400).body("errors.field", hasItem("value.entity"));
    }

    @Test
    void withdrawing_a_claim_removes_it_from_the_live_claims_and_twice_is_409() {
        String id = source + "/withdrawn";
        post("/api/sources/" + source + "/claims", claim(id)).statusCode(201);
        json().header("If-Match", "\"0\"").body(Map.of("reason", "quote belongs to another passage"))
                .post("/api/sources/" + source + "/claims/" + id + "/withdrawal").then()
                .statusCode(200).header("ETag", "\"1\"");
        long before = Api.events(dataSource);
        post("/api/sources/" + source + "/claims/" + id + "/withdrawal", Map.of("reason", "again")).statusCode(409)
                .contentType("application/problem+json");
        assertThat(Api.events(dataSource)).isEqualTo(before);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().get("/api/propositions/" + intact).then().statusCode(200).body("claims", hasSize(0));
            given().get("/api/sources/" + source).then().statusCode(200)
                    .body("claims[0].withdrawn", equalTo(true))
                    .body("claims[0].withdrawalReason", equalTo("quote belongs to another passage"));
        });
    }

    @Test
    void a_withdrawal_needs_a_reason_and_a_current_version() {
        String id = source + "/withdraw-checks";
        post("/api/sources/" + source + "/claims", claim(id)).statusCode(201);
        long before = Api.events(dataSource);
        post("/api/sources/" + source + "/claims/" + id + "/withdrawal", Map.of()).statusCode(400)
                .body("errors.field", hasItem("reason"));
        json().header("If-Match", "\"7\"").body(Map.of("reason", "x"))
                .post("/api/sources/" + source + "/claims/" + id + "/withdrawal").then().statusCode(412);
        post("/api/sources/" + source + "/claims/" + source + "/never-recorded/withdrawal", Map.of("reason", "x"))
                .statusCode(404).contentType("application/problem+json");
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void revising_a_claim_keeps_the_earlier_reading_in_the_log() {
        String id = source + "/revised";
        post("/api/sources/" + source + "/claims", claim(id)).statusCode(201);
        Map<String, Object> corrected = claim(id);
        corrected.put("locator", "p. 31");
        corrected.put("reason", "locator narrowed");
        json().header("If-Match", "\"0\"").body(corrected).put("/api/sources/" + source + "/claims/" + id).then()
                .statusCode(200).header("ETag", "\"1\"");
        json().header("If-Match", "\"0\"").body(corrected).put("/api/sources/" + source + "/claims/" + id).then()
                .statusCode(412);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/sources/" + source + "/claims/" + id).then().statusCode(200)
                        .body("locator", equalTo("p. 31")).body("revisionReason", equalTo("locator narrowed")));
        assertThat(eventTypesOf("claim:" + id)).containsExactly("ClaimRecorded", "ClaimRevised");
    }

    private List<String> eventTypesOf(String stream) {
        List<String> types = new ArrayList<>();
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            ps.setString(1, stream);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return types;
    }
}
