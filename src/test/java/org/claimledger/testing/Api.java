package org.claimledger.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Helpers for HTTP tests: unique ids (tests share one database), JSON requests, the event count. */
public final class Api {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    private Api() {
    }

    /** An id no other test uses: {@code prefix-<run>-<n>}. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept("application/json, application/problem+json");
    }

    public static ValidatableResponse post(String path, Object body) {
        return json().body(body).post(path).then();
    }

    /** Waits (up to 15 s) until the proposition's verdict has the status, and returns the proposition. */
    public static io.restassured.path.json.JsonPath awaitVerdict(String proposition, String status) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/propositions/" + proposition).then().statusCode(200)
                        .body("status", org.hamcrest.Matchers.equalTo(status)));
        return given().get("/api/propositions/" + proposition).jsonPath();
    }

    public static long events(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A city, a question about it taking a text value ({@code city + "/q"}, returned) and a source. */
    public static String questionAndSource(String city, String source) {
        post("/api/entities", entity(city, "Kraków")).statusCode(201);
        post("/api/propositions", proposition(city + "/q", city, "text")).statusCode(201);
        post("/api/sources", source(source)).statusCode(201);
        return city + "/q";
    }

    public static Map<String, Object> entity(String id, String label) {
        return Map.of("id", id, "labels", Map.of("pl", label, "en", label), "aliases", java.util.List.of());
    }

    public static Map<String, Object> proposition(String id, String subject, String valueType) {
        return Map.of("id", id, "subject", subject, "predicate", "test predicate", "valueType", valueType,
                "cardinality", "single", "label", "A test question");
    }

    /** A new source, registered and assessed with {@code grade}; returns its id. */
    public static String gradedSource(String grade) {
        String id = unique("source-" + grade.toLowerCase());
        post("/api/sources", source(id)).statusCode(201);
        post("/api/sources/" + id + "/assessments", Map.of("grade", grade, "rationale", "for the test")).statusCode(201);
        return id;
    }

    public static Map<String, Object> source(String id) {
        return Map.of("id", id, "title", "A source for " + id, "authors", java.util.List.of("A. Historian"),
                "kind", "scholarship", "published", "2007", "language", "en", "origin", "independent",
                "derivedFrom", java.util.List.of(), "citation", "test");
    }
}
