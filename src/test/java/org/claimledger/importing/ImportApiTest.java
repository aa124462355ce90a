package org.claimledger.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;

/**
 * The corpus is loaded into the empty test ledger at start-up (as on a user's first start); these
 * tests import it again, break it on purpose, and read the disputes it holds.
 */
@QuarkusTest
class ImportApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void the_corpus_is_there_after_start_up_and_importing_it_again_changes_nothing() {
        Api.awaitVerdict("krakow-1945/demolition-prevented-by", "contested");
        long before = Api.events(dataSource);
        post("/api/imports", Map.of("files", CorpusFolder.all(Path.of("claims")))).statusCode(200)
                .body("recorded", equalTo(0))
                .body("sources", equalTo(16));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void the_demolition_question_is_contested_with_both_camps_named() {
        JsonPath v = Api.awaitVerdict("krakow-1945/demolition-prevented-by", "contested");
        assertThat(v.getList("positions.id", String.class)).contains("asserts ak", "asserts nkvd", "denies nkvd");
        assertThat(v.getList("lines.mergedBecause.flatten()", String.class))
                .anyMatch(reason -> reason.startsWith("shared origin soviet-state"));
        assertThat(v.getList("claims.quote", String.class)).anyMatch(q -> q.contains("NKVD"));
        assertThat(given().queryParam("limit", 200).get("/api/disputes").jsonPath().getList("items.id", String.class))
                .contains("krakow-1945/demolition-prevented-by");
    }

    @Test
    void the_1939_polish_losses_show_their_ranges_as_positions() {
        JsonPath v = given().get("/api/propositions/soviet-invasion-1939/polish-dead-or-missing").jsonPath();
        List<Map<String, Object>> values = v.getList("positions.values.flatten()");
        assertThat(values).isNotEmpty().allSatisfy(value -> assertThat(value).containsKeys("min", "max", "unit"));
        // ranges that overlap share a position; the explanation gives each position's support
        assertThat(v.getList("positions.support", Float.class)).allMatch(s -> s >= 0 && s <= 1);
        assertThat(v.getString("valueType")).isEqualTo("quantity");
    }

    @Test
    void a_bundle_with_five_different_errors_is_refused_whole_with_each_problem_and_its_line() {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        Map<String, String> files = new TreeMap<>();
        files.put("broken/entities.yaml", "schemaVersion: 1\nentities:\n  - id: ok-entity\n    labels: {en: Fine}\n"
                + "  - id: [unclosed\n");
        files.put("broken/propositions.yaml", """
                schemaVersion: 1
                propositions:
                  - id: broken/was-it-intact
                    subject: krakow
                    predicate: taken intact
                    valueType: boolean
                    cardinality: single
                    label: "Was it intact?"
                """);
        files.put("broken/sources/broken-source.yaml", """
                schemaVersion: 1
                source:
                  id: broken-source
                  title: "A source with problems"
                  authors: []
                  kind: press
                  language: en
                  origin: independent
                  derivedFrom: []
                  citation: "test"
                assessments: []
                claims:
                  - id: broken-source/unknown-proposition
                    propositionId: broken/no-such-question
                    stance: asserts
                    value: {boolean: true}
                    locator: "p. 1"
                    quote: "yes"
                    quoteLanguage: en
                  - id: broken-source/wrong-type
                    propositionId: broken/was-it-intact
                    stance: asserts
                    value: {date: "1945-01-18"}
                    locator: "p. 2"
                    quote: "on the 18th"
                    quoteLanguage: en
                  - id: broken-source/no-quote
                    propositionId: broken/was-it-intact
                    stance: asserts
                    value: {boolean: true}
                    locator: "p. 3"
                    quoteLanguage: en
                """);
        files.put("broken/sources/konev-1969-memoir.yaml", """
                schemaVersion: 1
                source:
                  id: konev-1969-memoir
                  title: "Not Konev's memoir at all"
                  authors: [Somebody Else]
                  kind: scholarship
                  language: en
                  origin: independent
                  derivedFrom: []
                  citation: "a conflicting redefinition"
                assessments: []
                claims: []
                """);
        long before = Api.events(dataSource);
        JsonPath problems = post("/api/imports", Map.of("files", files)).statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        List<Map<String, Object>> errors = problems.getList("errors");
        assertThat(Api.events(dataSource)).isEqualTo(before);

        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("file")).isEqualTo("broken/entities.yaml");
            assertThat(e.get("line")).isEqualTo(6);
            assertThat((String) e.get("message")).contains("not valid YAML");
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("file")).isEqualTo("broken/sources/broken-source.yaml");
            assertThat((String) e.get("message")).contains("broken/no-such-question");
            assertThat(e.get("line")).isEqualTo(14);
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("file")).isEqualTo("broken/sources/broken-source.yaml");
            assertThat(e.get("field")).isEqualTo("claims[1].value");
            assertThat(e.get("line")).isEqualTo(23);
            assertThat((String) e.get("message")).contains("boolean");
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("file")).isEqualTo("broken/sources/broken-source.yaml");
            assertThat((String) e.get("message")).contains("quote");
            assertThat(e.get("line")).isEqualTo(27);
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("file")).isEqualTo("broken/sources/konev-1969-memoir.yaml");
            assertThat((String) e.get("message")).contains("already registered");
            assertThat(e.get("line")).isEqualTo(3);
        });
    }

    @Test
    void the_command_line_imports_a_folder_into_a_running_ledger_with_progress() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new ImportCommand().run(new String[]{"import", "claims", "--url",
                "http://localhost:" + RestAssured.port, "--token", org.claimledger.testing.TestTokens.token("importer", "contributor")},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed).contains("krakow-1945").contains("soviet-invasion-1939").contains("claims/s")
                .contains("0 new").contains("done:");
    }

    /** Every proposition the corpus defines, by id. */
    static List<String> corpusPropositions() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper yaml =
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        try (var files = java.nio.file.Files.walk(Path.of("claims"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("propositions.yaml")).toList()) {
                yaml.readTree(f.toFile()).path("propositions").forEach(p -> ids.add(p.path("id").asText()));
            }
        }
        return ids;
    }

    @Test
    void for_every_proposition_of_the_corpus_the_view_at_the_present_year_is_the_live_verdict() throws Exception {
        Api.awaitVerdict("krakow-1945/demolition-prevented-by", "contested");
        String now = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
        List<String> ids = corpusPropositions();
        assertThat(ids).hasSizeGreaterThan(10).contains("krakow-1945/demolition-prevented-by");
        for (String id : ids) {
            JsonPath live = given().get("/api/propositions/" + id).then().statusCode(200).extract().jsonPath();
            JsonPath present = given().queryParam("publishedBefore", now).get("/api/propositions/" + id).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(present.getString("status")).as(id).isEqualTo(live.getString("status"));
            assertThat((Object) present.get("positions")).as(id).isEqualTo(live.get("positions"));
            assertThat(present.getString("leading")).as(id).isEqualTo(live.getString("leading"));
            assertThat((Object) present.get("sourceTime")).as(id + ": nothing left out now").isNull();
        }
    }

    @Test
    void a_source_time_view_of_the_demolition_question_names_the_undated_sources_it_left_out() {
        JsonPath in2010 = given().queryParam("publishedBefore", "2010")
                .get("/api/propositions/krakow-1945/demolition-prevented-by").then().statusCode(200).extract().jsonPath();
        // only the 2007 Moscow honours can be placed; the rest of the six claims' sources are undated
        assertThat(in2010.getList("sourceTime.undatedSourcesLeftOut", String.class)).containsExactlyInAnyOrder(
                "historians-nkvd-story-propaganda", "home-army-account-krakow-1945", "slag-om-krakow-1945-nl",
                "soviet-accounts-nkvd-demining");
        assertThat(in2010.getInt("sourceTime.publishedBefore")).isEqualTo(2010);
        assertThat(in2010.getList("claims.id", String.class)).hasSize(6); // the document still lists every claim
        assertThat(in2010.getString("status")).isEqualTo("discredited"); // the honours are graded E
        JsonPath in1970 = given().queryParam("publishedBefore", "1970")
                .get("/api/propositions/krakow-1945/demolition-prevented-by").jsonPath();
        assertThat(in1970.getList("sourceTime.laterSourcesLeftOut", String.class)).containsExactly("moscow-2007-nkvd-honours");
        assertThat(in1970.getString("status")).isEqualTo("unattested");
    }

    @Test
    void a_corpus_file_may_carry_a_source_retraction_and_importing_it_twice_changes_nothing() {
        String run = unique("corpus-retraction");
        Map<String, String> files = new TreeMap<>();
        files.put(run + "/entities.yaml", "schemaVersion: 1\nentities:\n  - id: " + run + "\n    kind: event\n    labels: {en: Diaries}\n");
        files.put(run + "/propositions.yaml", "schemaVersion: 1\npropositions:\n  - id: " + run + "/genuine\n"
                + "    subject: " + run + "\n    predicate: genuine\n    valueType: boolean\n    cardinality: single\n"
                + "    label: Are the diaries genuine?\n");
        files.put(run + "/sources/" + run + "-diaries.yaml", """
                schemaVersion: 1
                source:
                  id: %1$s-diaries
                  title: "Diaries said to be Hitler's"
                  authors: []
                  kind: memoir
                  published: "1983-04"
                  language: de
                  origin: independent
                  citation: "Published in part by Stern, April 1983"
                assessments: []
                claims:
                  - id: %1$s-diaries/genuine
                    propositionId: %1$s/genuine
                    stance: asserts
                    value: {boolean: true}
                    locator: "p. 1"
                    quote: "Die Tagebücher sind echt"
                    quoteLanguage: de
                retraction:
                  reason: "Shown to be forged: paper and ink date from after the war"
                  date: "1983-05-06"
                """.formatted(run));
        post("/api/imports", Map.of("files", files)).statusCode(200);
        Api.awaitVerdict(run + "/genuine", "discredited");
        given().get("/api/sources/" + run + "-diaries").then().body("retraction.date", equalTo("1983-05-06"));
        given().queryParam("publishedBefore", "1983").get("/api/propositions/" + run + "/genuine").then()
                .body("status", equalTo("discredited"));
        long before = Api.events(dataSource);
        post("/api/imports", Map.of("files", files)).statusCode(200).body("recorded", equalTo(0));
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }
}
