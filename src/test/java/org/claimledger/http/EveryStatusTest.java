package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/** Every status of domain.md can be reached over HTTP, and each comes with its reason and figures. */
@QuarkusTest
class EveryStatusTest {

    @Test
    void each_of_the_five_statuses_is_reached_and_explained() {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String a = source("B");
        String b = source("C");
        String e = source("E");

        String unattested = proposition(city, "unattested");
        String single = proposition(city, "single");
        claim(a, single, "asserts", true);
        String corroborated = proposition(city, "corroborated");
        claim(a, corroborated, "asserts", true);
        claim(b, corroborated, "asserts", true);
        String contested = proposition(city, "contested");
        claim(a, contested, "asserts", true);
        claim(b, contested, "asserts", false);
        String discredited = proposition(city, "discredited");
        claim(e, discredited, "asserts", true);

        expect(unattested, "unattested", "no live claims");
        JsonPath s = expect(single, "single-line", "single line of testimony");
        assertThat(s.getDouble("positions[0].support")).isEqualTo(0.8);
        JsonPath c = expect(corroborated, "corroborated", "two or more independent lines");
        assertThat(c.getDouble("positions[0].support")).isEqualTo(1 - 0.2 * 0.4, org.assertj.core.data.Offset.offset(1e-9));
        JsonPath x = expect(contested, "contested", "conflicting positions");
        assertThat(x.getString("leading")).isEqualTo("asserts true");
        JsonPath d = expect(discredited, "discredited", "discounted");
        assertThat(d.getList("positions[0].discountedLines")).hasSize(1);
        assertThat(d.getList("explanation", String.class)).anyMatch(line -> line.contains("is discounted"));

        assertThat(given().queryParam("subject", city).queryParam("limit", 200).get("/api/propositions")
                .jsonPath().getList("items.status"))
                .containsExactlyInAnyOrder("unattested", "single-line", "corroborated", "contested", "discredited");
        assertThat(given().queryParam("subject", city).queryParam("status", "contested").get("/api/propositions")
                .jsonPath().getList("items.id")).containsExactly(contested);
    }

    @Test
    void lists_page_with_a_cursor_and_find_by_text_ignoring_case_and_diacritics() {
        String city = unique("town");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        for (int i = 0; i < 5; i++) {
            post("/api/propositions", Map.of("id", city + "/q" + i, "subject", city, "predicate", "asked " + i,
                    "valueType", "boolean", "label", "Was Kraków spared, question " + i + "?")).statusCode(201);
        }
        KrakowDemolitionTest.awaitVerdict(city + "/q4", "unattested");
        JsonPath first = given().queryParam("subject", city).queryParam("limit", 2).get("/api/propositions").jsonPath();
        assertThat(first.getList("items.id")).containsExactly(city + "/q0", city + "/q1");
        JsonPath second = given().queryParam("subject", city).queryParam("limit", 2)
                .queryParam("cursor", first.getString("next")).get("/api/propositions").jsonPath();
        assertThat(second.getList("items.id")).containsExactly(city + "/q2", city + "/q3");
        JsonPath last = given().queryParam("subject", city).queryParam("limit", 2)
                .queryParam("cursor", second.getString("next")).get("/api/propositions").jsonPath();
        assertThat(last.getList("items.id")).containsExactly(city + "/q4");
        assertThat(last.getString("next")).isNull();
        assertThat(given().queryParam("q", "KRAKOW SPARED, QUESTION 3").get("/api/propositions").jsonPath()
                .getList("items.id")).containsExactly(city + "/q3");
        given().queryParam("cursor", "%%%").get("/api/disputes").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static JsonPath expect(String proposition, String status, String reason) {
        JsonPath verdict = KrakowDemolitionTest.awaitVerdict(proposition, status);
        assertThat(verdict.getList("explanation", String.class).get(0)).startsWith(status + ":").contains(reason);
        return verdict;
    }

    private static String source(String grade) {
        return Api.gradedSource(grade);
    }

    private static String proposition(String city, String name) {
        String id = city + "/" + name;
        post("/api/propositions", Api.proposition(id, city, "boolean")).statusCode(201);
        return id;
    }

    private static void claim(String source, String proposition, String stance, boolean value) {
        post("/api/sources/" + source + "/claims", Map.of("id", source + "/" + proposition.replace('/', '-'),
                "propositionId", proposition, "stance", stance, "value", Map.of("boolean", value))).statusCode(201);
    }
}
