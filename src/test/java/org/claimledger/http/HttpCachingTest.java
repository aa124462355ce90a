package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Validators and freshness: ETag on every read, 304 for a current copy, Cache-Control by route, the stream's retry. */
@QuarkusTest
class HttpCachingTest {

    @Test
    void a_read_is_answered_304_while_the_copy_is_current_and_200_once_the_representation_moved() {
        String city = unique("cache-city");
        String source = unique("cache-source");
        String question = Api.questionAndSource(city, source);
        String path = "/api/sources/" + source;
        String tag = await().atMost(Duration.ofSeconds(10)).until(
                () -> given().get(path).then().extract().header("ETag"), t -> t != null);
        assertThat(tag).matches("\"0\\.[A-Za-z0-9_-]{16}\"");

        given().header("If-None-Match", tag).get(path).then()
                .statusCode(304).header("ETag", tag).header("Cache-Control", "no-cache").body(emptyString());
        given().header("If-None-Match", "W/" + tag + ", \"other\"").get(path).then().statusCode(304);
        given().header("If-None-Match", "\"0.stale\"").get(path).then().statusCode(200).header("ETag", tag);

        // a claim of the source changes its profile but not the source's own version
        post("/api/sources/" + source + "/claims", Map.of("id", source + "/c", "propositionId", question,
                "stance", "asserts", "value", Map.of("text", "yes"))).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("If-None-Match", tag).get(path)
                .then().statusCode(200).header("ETag", matchesPattern("\"0\\.[A-Za-z0-9_-]{16}\"")));
        String moved = given().get(path).then().extract().header("ETag");
        assertThat(moved).isNotEqualTo(tag);

        // the read's tag is a version a write takes in If-Match
        post("/api/sources/" + source + "/assessments", Map.of("grade", "B", "rationale", "checked"))
                .statusCode(201);
        Api.json().header("If-Match", moved).body(Map.of("grade", "C", "rationale", "again"))
                .post("/api/sources/" + source + "/assessments").then().statusCode(412);
    }

    @Test
    void every_route_says_how_long_its_answer_may_be_kept() {
        String city = unique("cache-routes");
        String source = unique("cache-routes-source");
        String question = Api.questionAndSource(city, source);
        post("/api/sources", Api.source(unique("cache-write"))).statusCode(201).header("Cache-Control", "no-store");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/propositions/" + question)
                .then().statusCode(200).header("Cache-Control", "no-cache").header("ETag", matchesPattern("\"0\\..+\"")));
        given().get("/api/propositions").then().statusCode(200).header("Cache-Control", "max-age=10")
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{16}\""));
        given().get("/api/disputes").then().header("Cache-Control", "max-age=10");
        given().queryParam("q", "krak").get("/api/entities").then().header("Cache-Control", "max-age=10");
        given().queryParam("asOf", "2020-01-01T00:00:00Z").get("/api/propositions/" + question).then()
                .statusCode(200).header("Cache-Control", "max-age=3600");
        given().get("/api/streams/kafka").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/api/sources/" + unique("nobody")).then().statusCode(404).header("Cache-Control", "no-store");
        given().get("/").then().statusCode(200).header("Cache-Control", "no-cache")
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{16}\""));
    }

    @Test
    void the_stream_is_not_kept_and_tells_clients_when_to_reconnect() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> answer = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/streams/claims"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (var body = answer.body()) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-cache");
            String opening = new String(body.readNBytes(64), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(opening).containsPattern("(?m)^retry: ?3000$");
        }
    }
}
