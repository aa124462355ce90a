package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class EntitiesAndPropositionsApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void entities_are_found_ignoring_case_and_diacritics() {
        String id = unique("krakow");
        String odd = "Łódź-" + id;
        post("/api/entities", Map.of("id", id, "kind", "place",
                "labels", Map.of("pl", "Kraków " + id, "en", "Cracow " + id, "de", "Krakau " + id),
                "aliases", List.of(odd), "wikidata", "Q31487")).statusCode(201).header("ETag", "\"0\"");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().queryParam("q", "KRAKOW " + id).get("/api/entities").then().statusCode(200)
                    .body("entities.id", hasItem(id));
            given().queryParam("q", "krakau " + id).get("/api/entities").then().statusCode(200)
                    .body("entities.id", hasItem(id));
            given().queryParam("q", "lodz-" + id).get("/api/entities").then().statusCode(200)
                    .body("entities.id", hasItem(id));
            given().queryParam("q", "warszawa " + id).get("/api/entities").then().statusCode(200)
                    .body("entities.id", not(hasItem(id)));
            given().get("/api/entities/" + id).then().statusCode(200)
                    .body("labels.pl", equalTo("Kraków " + id)).body("aliases", equalTo(List.of(odd)));
        });
    }

    @Test
    void entity_writes_are_idempotent_and_conflicts_are_409() {
        String id = unique("ak");
        post("/api/entities", Api.entity(id, "Armia Krajowa")).statusCode(201);
        long before = Api.events(dataSource);
        post("/api/entities", Api.entity(id, "Armia Krajowa")).statusCode(200).body("recorded", equalTo(false));
        post("/api/entities", Api.entity(id, "Home Army")).statusCode(409).contentType("application/problem+json");
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void bad_entities_are_400_naming_each_field() {
        long before = Api.events(dataSource);
        post("/api/entities", Map.of("id", "../etc/passwd", "labels", Map.of("not a tag!", ""), "wikidata", "31487",
                "kind", "planet"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("wikidata"))
                .body("errors.field", hasItem("labels.not a tag!"));
        given().queryParam("q", "").get("/api/entities").then().statusCode(400).body("errors.field", hasItem("q"));
        given().get("/api/entities/" + unique("nowhere")).then().statusCode(404).contentType("application/problem+json");
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void propositions_are_defined_once_and_read_back() {
        String city = unique("city");
        String id = city + "/red-army-entry";
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        post("/api/propositions", Api.proposition(id, city, "date")).statusCode(201).header("ETag", "\"0\"");
        long before = Api.events(dataSource);
        post("/api/propositions", Api.proposition(id, city, "date")).statusCode(200);
        post("/api/propositions", Api.proposition(id, city, "text")).statusCode(409)
                .contentType("application/problem+json");
        assertThat(Api.events(dataSource)).isEqualTo(before);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/propositions/" + id).then().statusCode(200)
                        .body("subject", equalTo(city)).body("valueType", equalTo("date"))
                        .body("cardinality", equalTo("single")).body("definedBy", equalTo(org.claimledger.testing.TestTokens.HISTORIAN)));
    }

    @Test
    void bad_propositions_are_400_and_unknown_ones_404() {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        long before = Api.events(dataSource);
        Map<String, Object> bad = new HashMap<>(Api.proposition(city + "/q", city, "colour"));
        bad.put("cardinality", "several");
        post("/api/propositions", bad).statusCode(400)
                .body("errors.field", hasItem("valueType")).body("errors.field", hasItem("cardinality"));
        post("/api/propositions", Api.proposition(city + "/q", unique("atlantis"), "boolean")).statusCode(400)
                .body("errors.field", hasItem("subject"));
        given().get("/api/propositions/" + city + "/never").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(city + "/never"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }
}
