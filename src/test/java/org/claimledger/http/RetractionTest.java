package org.claimledger.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.claimledger.stream.kafka.KafkaBroker;
import org.claimledger.testing.Api;
import org.claimledger.testing.SseClient;
import org.claimledger.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * Retraction over HTTP (domain.md, "Retraction"): a forged source weighs nothing, and so does what
 * rests on it alone; every verdict it touches moves at once, in its history and on both streams;
 * time travel sees it from its own clocks; reinstatement undoes it; bad input writes nothing.
 */
@QuarkusTest
class RetractionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    KafkaBroker broker;

    @Inject
    org.claimledger.stream.UpdateLog updates;

    @Inject
    org.claimledger.axon.Projections projections;

    /** original <- retelling <- second retelling, graded B, dated 1950, 1960, 1970; each alone on a question. */
    record Chain(String original, String retelling, String second, List<String> questions) {
    }

    Chain chain() {
        String run = unique("retract");
        post("/api/entities", Api.entity(run, "Kraków")).statusCode(201);
        String original = run + "-original";
        String retelling = run + "-retelling";
        String second = run + "-second";
        source(original, "1950", List.of());
        source(retelling, "1960", List.of(original));
        source(second, "1970", List.of(retelling));
        List<String> questions = new ArrayList<>();
        for (String s : List.of(original, retelling, second)) {
            String q = run + "/" + s.substring(run.length() + 1);
            post("/api/propositions", Api.proposition(q, run, "boolean")).statusCode(201);
            post("/api/sources/" + s + "/claims", Map.of("id", s + "/says", "propositionId", q, "stance", "asserts",
                    "value", Map.of("boolean", true), "quote", "so it was", "quoteLanguage", "de")).statusCode(201);
            questions.add(q);
        }
        questions.forEach(q -> Api.awaitVerdict(q, "single-line"));
        return new Chain(original, retelling, second, questions);
    }

    static void source(String id, String published, List<String> derivedFrom) {
        post("/api/sources", Map.of("id", id, "title", "Source " + id, "authors", List.of(), "kind", "memoir",
                "published", published, "language", "de", "origin", "independent", "derivedFrom", derivedFrom))
                .statusCode(201);
        post("/api/sources/" + id + "/assessments", Map.of("grade", "B", "rationale", "looked genuine")).statusCode(201);
    }

    static Map<String, Object> forged() {
        return Map.of("reason", "shown to be forged by forensic analysis of paper and ink", "date", "1983-05-06");
    }

    @Test
    void a_retraction_cascades_through_two_levels_of_derivation_and_reinstatement_undoes_it() throws Exception {
        Chain c = chain();
        String head = updates.head().id();
        try (SseClient sse = SseClient.open("http://localhost:" + RestAssured.port
                + "/api/streams/claims?type=source-retracted,source-reinstated&from=" + head, null)) {
            Instant before = Instant.now();

            long version = Api.json().body(forged()).post("/api/sources/" + c.original() + "/retraction").then()
                    .statusCode(201).body("recorded", equalTo(true)).extract().jsonPath().getLong("version");
            c.questions().forEach(q -> Api.awaitVerdict(q, "discredited"));

            // the same again: a no-op, answered 200 with the same version
            Api.json().body(forged()).post("/api/sources/" + c.original() + "/retraction").then()
                    .statusCode(200).body("recorded", equalTo(false)).body("version", equalTo((int) version));

            JsonPath second = Api.awaitVerdict(c.questions().get(2), "discredited");
            assertThat(second.getList("explanation", String.class))
                    .anyMatch(e -> e.contains(c.second() + " derives only from sources graded E or retracted"));
            JsonPath first = given().get("/api/propositions/" + c.questions().get(0)).jsonPath();
            assertThat(first.getString("positions[0].discountedLines[0].sources[0].retraction.reason"))
                    .contains("forged");
            assertThat(first.getList("claims.id")).contains(c.original() + "/says"); // its claims stay listed

            // the history names the retraction and the source it was about
            given().get("/api/propositions/" + c.questions().get(2) + "/history").then().statusCode(200)
                    .body("changes.causeType", hasItem("source-retracted"))
                    .body("changes.cause", hasItem(c.original() + " was retracted"))
                    .body("changes.causeSource", hasItem(c.original()));

            // the source says so, with who recorded it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/sources/" + c.original())
                    .then().statusCode(200)
                    .body("retraction.reason", containsString("forged"))
                    .body("retraction.date", equalTo("1983-05-06"))
                    .body("retraction.recordedBy", equalTo(TestTokens.HISTORIAN))
                    .body("history.change", hasItem("retracted")));

            // the pages: the source's own, and every question page that cites it
            given().accept("text/html").get("/sources/" + c.original()).then().statusCode(200)
                    .body(containsString("id=\"retraction\"")).body(containsString("shown to be forged"))
                    .body(containsString("1983-05-06")).body(containsString(TestTokens.HISTORIAN))
                    .body(containsString("claim-retracted"));
            given().accept("text/html").get("/propositions/" + c.questions().get(0)).then().statusCode(200)
                    .body(containsString("data-retracted=\"" + c.original() + "\""))
                    .body(containsString("shown to be forged")).body(containsString("retracted source"));
            given().accept("text/html").get("/propositions/" + c.questions().get(2)).then().statusCode(200)
                    .body(containsString(c.original() + " was retracted")); // its history, in words

            // time travel: record time before the retraction, and source time before its date
            given().queryParam("asOf", before.toString()).get("/api/propositions/" + c.questions().get(2))
                    .then().statusCode(200).body("status", equalTo("single-line"));
            given().queryParam("publishedBefore", "1982").get("/api/propositions/" + c.questions().get(2))
                    .then().statusCode(200).body("status", equalTo("single-line"));
            given().queryParam("publishedBefore", "1983").get("/api/propositions/" + c.questions().get(2))
                    .then().statusCode(200).body("status", equalTo("discredited"));

            Api.json().body(Map.of("reason", "the forensic report was itself mistaken"))
                    .post("/api/sources/" + c.original() + "/retraction/withdrawal").then().statusCode(200);
            c.questions().forEach(q -> Api.awaitVerdict(q, "single-line"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/sources/" + c.original())
                    .then().body("history.change", hasItem("reinstated"))
                    .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("retraction"))));

            // reinstating what is not retracted: 409
            Api.json().body(Map.of("reason", "again")).post("/api/sources/" + c.original() + "/retraction/withdrawal")
                    .then().statusCode(409).contentType(containsString("problem+json"));

            await().atMost(Duration.ofSeconds(10)).until(() -> sse.events().size() >= 2);
            List<JsonNode> updates = new ArrayList<>();
            for (SseClient.Event e : sse.events()) {
                updates.add(JSON.readTree(e.data()));
            }
            assertThat(updates).extracting(u -> u.get("type").asText())
                    .containsExactly("source-retracted", "source-reinstated");
            assertThat(updates.get(0).get("source").asText()).isEqualTo(c.original());
            assertThat(updates.get(0).get("date").asText()).isEqualTo("1983-05-06");
            assertThat(updates.get(0).get("recordedBy").asText()).isEqualTo(TestTokens.HISTORIAN);
        }

        // keyed by the source: its grade, then the retraction and the reinstatement, in order
        List<String> onKafka = typesOnTheTopic("source:" + c.original(), 3, Duration.ofSeconds(60));
        assertThat(onKafka).containsExactly("org.claimledger.source-assessed", "org.claimledger.source-retracted",
                "org.claimledger.source-reinstated");
    }

    @Test
    void a_rebuild_gives_the_same_verdicts_for_a_retracted_source() {
        Chain c = chain();
        Api.json().body(forged()).post("/api/sources/" + c.second() + "/retraction").then().statusCode(201);
        Api.awaitVerdict(c.questions().get(2), "discredited");
        List<String> before = c.questions().stream()
                .map(q -> given().get("/api/propositions/" + q).then().extract().jsonPath().getString("status")).toList();
        projections.rebuild("verdicts");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/admin/projections/verdicts")
                .then().body("caughtUp", equalTo(true)));
        List<String> after = c.questions().stream()
                .map(q -> given().get("/api/propositions/" + q).then().extract().jsonPath().getString("status")).toList();
        assertThat(after).isEqualTo(before).containsExactly("single-line", "single-line", "discredited");
        given().get("/api/propositions/" + c.questions().get(2)).then()
                .body("positions[0].discountedLines[0].sources[0].retraction.date", equalTo("1983-05-06"));
    }

    @Test
    void bad_retractions_are_refused_naming_the_field_and_write_nothing() {
        Chain c = chain();
        String path = "/api/sources/" + c.original() + "/retraction";
        long events = Api.events(dataSource);
        Api.json().body(Map.of("reason", " ", "date", "1983")).post(path).then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", hasItem("reason"));
        Api.json().body(Map.of("reason", "forged", "date", "1983-13")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("date")).body("errors.message", hasItem(containsString("no month 13")));
        Api.json().body(Map.of("reason", "forged")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("date"));
        Api.json().body(forged()).post("/api/sources/" + unique("nowhere") + "/retraction").then().statusCode(404)
                .body("detail", containsString("nowhere"));
        Api.json().header("If-Match", "\"0\"").body(forged()).post(path).then().statusCode(412);
        // a contributor may not retract; a reviewer may
        given().contentType("application/json").header("Authorization", "Bearer "
                        + TestTokens.token("a-contributor", "contributor")).body(forged()).post(path).then().statusCode(403);
        assertThat(Api.events(dataSource)).isEqualTo(events);
        given().contentType("application/json").header("Authorization", "Bearer "
                        + TestTokens.token("a-reviewer", "reviewer")).body(forged()).post(path).then().statusCode(201);
        // the source view follows the log: the retraction shows there once the view has read it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/sources/" + c.original())
                .then().body("retraction.recordedBy", equalTo("a-reviewer")));
    }

    @Test
    void a_write_under_an_unknown_source_is_404_whatever_the_body_says() {
        Chain c = chain();
        String nowhere = unique("nowhere");
        // the claim id is taken by another source: still the unknown source is what is wrong
        post("/api/sources/" + nowhere + "/claims", Map.of("id", c.original() + "/says",
                "propositionId", c.questions().get(0), "stance", "asserts", "value", Map.of("boolean", true)))
                .statusCode(404).body("detail", containsString(nowhere));
        post("/api/sources/" + nowhere + "/claims", Map.of("nonsense", true)).statusCode(404);
        post("/api/sources/" + nowhere + "/assessments", Map.of()).statusCode(404);
        post("/api/sources/" + nowhere + "/claims/x/withdrawal", Map.of()).statusCode(404);
    }

    /** The CloudEvent types of the first n updates under the key on the topic. */
    private List<String> typesOnTheTopic(String key, int n, Duration within) throws Exception {
        return org.claimledger.testing.UpdateTopic.readUntil(broker.bootstrapServers(), key, n, within).stream()
                .map(e -> e.get("type").asText()).toList();
    }
}
