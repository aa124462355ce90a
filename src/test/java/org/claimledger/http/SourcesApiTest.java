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
import static org.claimledger.testing.Api.json;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SourcesApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void registering_a_source_answers_201_with_location_and_etag_and_it_reads_back() {
        String id = unique("konev-memoir");
        post("/api/sources", Api.source(id))
                .statusCode(201)
                .header("Location", endsWith("/api/sources/" + id))
                .header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("recorded", equalTo(true));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + id).then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.startsWith("\"0."))
                .body("title", equalTo("A source for " + id))
                .body("kind", equalTo("scholarship"))
                .body("published", equalTo("2007"))
                .body("grade", equalTo("F"))
                .body("registeredBy", equalTo(org.claimledger.testing.TestTokens.HISTORIAN))
                .body("claims", hasSize(0))
                // typed in by hand: the free text as recorded, and a Chicago citation made of its fields
                .body("citation.text", equalTo("test"))
                .body("citation.style", equalTo("chicago-author-date"))
                .body("citation.formatted", startsWith("Historian, A. 2007. A Source for"))
                .body("csl", equalTo(null)));
    }

    @Test
    void a_source_registered_with_its_csl_item_is_cited_from_it() {
        String id = unique("cited");
        Map<String, Object> source = new HashMap<>(Api.source(id));
        source.put("csl", Map.of("type", "article-journal", "title", "The Liberation of Kraków",
                "author", List.of(Map.of("family", "Kowalska", "given", "Maria")),
                "container-title", "Studia Historyczne", "volume", "12",
                "issued", Map.of("date-parts", List.of(List.of(1995, 3)))));
        post("/api/sources", source).statusCode(201);
        post("/api/sources", source).statusCode(200).body("recorded", equalTo(false));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + id).then()
                .statusCode(200)
                .body("csl.title", equalTo("The Liberation of Kraków"))
                .body("citation.formatted", equalTo(
                        "Kowalska, Maria. 1995. “The Liberation of Kraków.” Studia Historyczne 12 (March).")));
    }

    @Test
    void registering_the_same_source_again_is_an_idempotent_200_and_writes_nothing() {
        String id = unique("replayed");
        post("/api/sources", Api.source(id)).statusCode(201);
        long before = Api.events(dataSource);
        post("/api/sources", Api.source(id)).statusCode(200).header("ETag", "\"0\"").body("recorded", equalTo(false));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void registering_other_details_under_a_used_id_is_409_problem() {
        String id = unique("reused");
        post("/api/sources", Api.source(id)).statusCode(201);
        Map<String, Object> other = new HashMap<>(Api.source(id));
        other.put("title", "Something else entirely");
        long before = Api.events(dataSource);
        post("/api/sources", other).statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(id));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void derivation_from_an_unknown_source_is_refused_naming_the_field() {
        Map<String, Object> derived = new HashMap<>(Api.source(unique("derived")));
        derived.put("derivedFrom", List.of("never-registered-" + unique("x")));
        long before = Api.events(dataSource);
        post("/api/sources", derived).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("derivedFrom[0]"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void bad_source_input_is_400_problem_listing_every_bad_field_and_nothing_is_written() {
        long before = Api.events(dataSource);
        post("/api/sources", Map.of("id", "Not A Slug", "kind", "diary", "published", "1945-13", "language", "xx-"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("id"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("published"))
                .body("errors.field", hasItem("language"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void malformed_json_is_400_problem_and_nothing_is_written() {
        long before = Api.events(dataSource);
        json().body("{\"id\":\"broken\",\"title\":").post("/api/sources").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("detail", containsString("not valid JSON"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        Map<String, Object> body = new HashMap<>(Api.source(unique("unknown-field")));
        body.put("reliability", "high");
        long before = Api.events(dataSource);
        post("/api/sources", body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("reliability"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void a_field_of_the_wrong_json_type_is_400_naming_it() {
        Map<String, Object> body = new HashMap<>(Api.source(unique("wrong-type")));
        body.put("authors", "Ivan Konev");
        post("/api/sources", body).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("authors"));
    }

    @Test
    void assessments_are_kept_in_order_and_the_latest_grade_stands() {
        String id = unique("graded");
        post("/api/sources", Api.source(id)).statusCode(201);
        json().header("If-Match", "\"0\"").body(Map.of("grade", "D", "rationale", "censored memoir"))
                .post("/api/sources/" + id + "/assessments").then()
                .statusCode(201).header("ETag", "\"1\"");
        post("/api/sources/" + id + "/assessments", Map.of("grade", "E", "rationale", "contradicted by reports"))
                .statusCode(201).header("ETag", "\"2\"");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + id).then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.startsWith("\"2."))
                .body("grade", equalTo("E"))
                .body("assessments.grade", equalTo(List.of("D", "E")))
                .body("assessments[0].rationale", equalTo("censored memoir"))
                .body("assessments[1].assessedAt", notNullValue())
                .body("history.change", equalTo(List.of("registered", "assessed", "assessed"))));
    }

    @Test
    void an_assessment_on_a_stale_version_is_412_and_nothing_is_written() {
        String id = unique("stale");
        post("/api/sources", Api.source(id)).statusCode(201);
        post("/api/sources/" + id + "/assessments", Map.of("grade", "C", "rationale", "first")).statusCode(201);
        long before = Api.events(dataSource);
        json().header("If-Match", "\"0\"").body(Map.of("grade", "B", "rationale", "read at version 0"))
                .post("/api/sources/" + id + "/assessments").then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("version 1"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void a_bad_assessment_is_400_naming_grade_and_rationale() {
        String id = unique("badly-graded");
        post("/api/sources", Api.source(id)).statusCode(201);
        long before = Api.events(dataSource);
        post("/api/sources/" + id + "/assessments", Map.of("grade", "G")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("grade"))
                .body("errors.field", hasItem("rationale"));
        json().header("If-Match", "yesterday").body(Map.of("grade", "B", "rationale", "x"))
                .post("/api/sources/" + id + "/assessments").then()
                .statusCode(400).body("errors.field", hasItem("If-Match"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void assessing_an_unknown_source_is_404_naming_it() {
        String id = unique("nobody");
        post("/api/sources/" + id + "/assessments", Map.of("grade", "B", "rationale", "x"))
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(id));
    }

    @Test
    void reading_an_unknown_source_is_404_problem() {
        String id = unique("unknown");
        given().get("/api/sources/" + id).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(id));
    }

    @Test
    void revising_a_source_with_if_match_records_the_change_and_its_reason() {
        String id = unique("revised");
        post("/api/sources", Api.source(id)).statusCode(201);
        Map<String, Object> revision = new HashMap<>(Api.source(id));
        revision.put("origin", "soviet-state");
        revision.put("reason", "the author served in the NKVD");
        json().header("If-Match", "\"0\"").body(revision).put("/api/sources/" + id).then()
                .statusCode(200).header("ETag", "\"1\"");
        json().header("If-Match", "\"0\"").body(revision).put("/api/sources/" + id).then().statusCode(412);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + id).then()
                .statusCode(200)
                .body("origin", equalTo("soviet-state"))
                .body("history[1].change", equalTo("revised"))
                .body("history[1].reason", equalTo("the author served in the NKVD")));
    }
}
