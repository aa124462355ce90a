package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;

/** asOf answers exactly what the ledger would have answered then, read from the event log. */
@QuarkusTest
class TimeTravelTest {

    @Test
    void as_of_three_instants_of_a_scripted_history_gives_the_three_verdicts_in_order() throws Exception {
        String city = unique("city");
        String q = city + "/entry-date";
        String early = unique("early-report");
        String late = unique("late-article");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        post("/api/propositions", Api.proposition(q, city, "date")).statusCode(201);
        post("/api/sources", Api.source(early)).statusCode(201);
        post("/api/sources", Api.source(late)).statusCode(201);
        Instant beforeAnything = Instant.now();
        Thread.yield();

        List<Instant> instants = new ArrayList<>();
        post("/api/sources/" + early + "/claims", date(early + "/entry", q, "1945-01-18")).statusCode(201);
        instants.add(Instant.now());
        post("/api/sources/" + late + "/claims", date(late + "/entry", q, "1945-01-19")).statusCode(201);
        instants.add(Instant.now());
        post("/api/sources/" + late + "/assessments", Map.of("grade", "E", "rationale", "misdated")).statusCode(201);
        instants.add(Instant.now());

        List<String> expected = List.of("single-line", "contested", "single-line");
        for (int i = 0; i < 3; i++) {
            given().queryParam("asOf", instants.get(i).toString()).get("/api/propositions/" + q).then()
                    .statusCode(200)
                    .body("status", equalTo(expected.get(i)))
                    .body("asOf", equalTo(instants.get(i).toString()));
        }
        given().queryParam("asOf", instants.get(1).toString()).get("/api/propositions/" + q).then()
                .body("positions.id", equalTo(List.of("asserts 1945-01-18", "asserts 1945-01-19")))
                .body("claims.claimId", equalTo(List.of(early + "/entry", late + "/entry")));
        given().queryParam("asOf", beforeAnything.toString()).get("/api/propositions/" + q).then()
                .statusCode(200).body("status", equalTo("unattested"));
        // before the ledger's first event the question had no testimony yet: unattested, not "not found"
        given().queryParam("asOf", "2000-01-01T00:00:00Z").get("/api/propositions/" + q).then()
                .statusCode(200).body("status", equalTo("unattested")).body("claims", equalTo(List.of()))
                .body("asOf", equalTo("2000-01-01T00:00:00Z"))
                .body("explanation[0]", equalTo("unattested: nothing was recorded about it by 2000-01-01T00:00:00Z"));
        // a proposition never recorded is unknown at any instant, and the detail says which
        String unknown = unique("never-defined");
        given().queryParam("asOf", "2000-01-01T00:00:00Z").get("/api/propositions/" + unknown).then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("'" + unknown + "'"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("('")));

        // the live view agrees with the log about the present
        KrakowDemolitionTest.awaitVerdict(q, "single-line");
        given().get("/api/propositions/" + q + "/history").then()
                .body("changes.to", equalTo(List.of("unattested", "single-line", "contested", "single-line")));
    }

    @Test
    void bad_time_parameters_are_400_naming_them() {
        given().queryParam("asOf", "yesterday").queryParam("publishedBefore", "the seventies")
                .get("/api/propositions/anything").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("asOf", "publishedBefore")));
    }

    static Map<String, Object> date(String id, String q, String date) {
        return Map.of("id", id, "propositionId", q, "stance", "asserts", "value", Map.of("date", date));
    }
}
