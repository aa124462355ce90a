package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Sources from a bibliography over HTTP: dry run, commit, re-import, correction, and every refusal writing nothing. */
@QuarkusTest
class SourcesImportApiTest {

    static final String CSL = "application/vnd.citationstyles.csl+json";

    @Inject
    DataSource dataSource;

    static String fixture(String name) {
        try (InputStream in = SourcesImportApiTest.class.getResourceAsStream("/bibliography/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The library with keys of this test's own (tests share one ledger). */
    static String library(String run) {
        return fixture("library.json").replace("davies-2003-rising", "davies-2003-rising-" + run)
                .replace("chwalba-2004-krakow", "chwalba-2004-krakow-" + run)
                .replace("nyt-1945-krakow", "nyt-1945-krakow-" + run)
                .replace("\"Meldunek o sytuacji w Krakowie\"", "\"Meldunek " + run + " o sytuacji w Krakowie\"");
    }

    static ValidatableResponse upload(String body, String contentType, boolean commit) {
        return given().contentType(contentType).accept("application/json, application/problem+json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/imports/sources" + (commit ? "?commit=true" : "")).then();
    }

    @Test
    void a_dry_run_shows_every_entry_and_writes_nothing() {
        String run = Api.unique("dry").replace("dry-", "");
        long before = Api.events(dataSource);
        upload(library(run), CSL, false).statusCode(200)
                .body("committed", equalTo(false))
                .body("format", equalTo("csl-json"))
                .body("register", equalTo(4)).body("correct", equalTo(0)).body("unchanged", equalTo(0))
                .body("entries", hasSize(4))
                .body("entries.action", everyItem(equalTo("register")))
                .body("entries[0].id", equalTo("davies-2003-rising-" + run))
                .body("entries[0].title", equalTo("Rising '44: The Battle for Warsaw"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
        given().get("/api/sources/davies-2003-rising-" + run).then().statusCode(404);
    }

    @Test
    void a_commit_registers_every_entry_with_its_citation_formatted_and_importing_again_changes_nothing() {
        String run = Api.unique("commit").replace("commit-", "");
        String id = "davies-2003-rising-" + run;
        long before = Api.events(dataSource);
        upload(library(run), CSL, true).statusCode(201)
                .body("committed", equalTo(true)).body("register", equalTo(4));
        assertThat(Api.events(dataSource)).isEqualTo(before + 4);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + id).then()
                .statusCode(200)
                .body("kind", equalTo("scholarship"))
                .body("authors", contains("Norman Davies"))
                .body("language", equalTo("en"))
                .body("published", equalTo("2003"))
                .body("citation.style", equalTo("chicago-author-date"))
                .body("citation.text", equalTo(null))
                .body("citation.formatted", equalTo("Davies, Norman. 2003. Rising ’44: The Battle for Warsaw. Macmillan."))
                .body("citation.html", containsString("font-style: italic"))
                .body("csl.publisher", equalTo("Macmillan")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/chwalba-2004-krakow-" + run)
                .then().statusCode(200)
                .body("citation.text", equalTo("https://doi.org/10.1234/dk.2004.5"))
                .body("citation.formatted", containsString("“Kraków w latach 1939–1945.” Dzieje Krakowa 5 (May): 310–42.")));

        long afterFirst = Api.events(dataSource);
        upload(library(run), CSL, true).statusCode(200)
                .body("register", equalTo(0)).body("unchanged", equalTo(4))
                .body("entries.action", everyItem(equalTo("unchanged")));
        assertThat(Api.events(dataSource)).isEqualTo(afterFirst);
    }

    @Test
    void a_changed_entry_becomes_a_correction_with_its_reason() {
        String run = Api.unique("fix").replace("fix-", "");
        String id = "davies-2003-rising-" + run;
        upload(library(run), CSL, true).statusCode(201);
        String changed = library(run).replace("Rising '44: The Battle for Warsaw", "Rising '44")
                .replace("\"issued\": {\"date-parts\": [[2003]]}", "\"issued\": {\"date-parts\": [[2004]]}");
        long before = Api.events(dataSource);
        upload(changed, CSL, false).statusCode(200)
                .body("correct", equalTo(1)).body("unchanged", equalTo(3))
                .body("entries[0].action", equalTo("correct"))
                .body("entries[0].changes", contains("title", "published"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
        upload(changed, CSL, true).statusCode(201).body("correct", equalTo(1));
        assertThat(Api.events(dataSource)).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + id).then()
                .statusCode(200)
                .body("title", equalTo("Rising '44"))
                .body("published", equalTo("2004"))
                .body("citation.formatted", startsWith("Davies, Norman. 2004. Rising ’44."))
                .body("history.reason", hasItem("re-imported from a bibliography: title, published changed")));
    }

    @Test
    void a_correction_keeps_what_the_historian_judged_origin_and_derivation() {
        String run = Api.unique("keep").replace("keep-", "");
        String id = "nyt-1945-krakow-" + run;
        upload(library(run), CSL, true).statusCode(201);
        Api.json().body(java.util.Map.of("title", "Russians Take Cracow", "kind", "press", "published", "1945-01-20",
                        "language", "en", "origin", "soviet-state", "reason", "the article prints a TASS communiqué",
                        "citation", "https://www.nytimes.com/1945/01/20/archives/russians-take-cracow.html",
                        "csl", java.util.Map.of("type", "article-newspaper", "title", "Russians Take Cracow")))
                .put("/api/sources/" + id).then().statusCode(200);
        upload(library(run), CSL, false).statusCode(200)
                .body("entries[3].action", equalTo("correct"))
                .body("entries[3].changes", contains("csl"));
        upload(library(run), CSL, true).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/" + id).then()
                .body("origin", equalTo("soviet-state"))
                .body("csl.container-title", equalTo("The New York Times")));
    }

    @Test
    void a_bibtex_file_imports_too() {
        String run = Api.unique("bib").replace("bib-", "");
        String bib = fixture("library.bib").replace("davies-2003-rising", "davies-bib-" + run)
                .replace("Chwalba2004", "Chwalba2004-" + run).replace("nowak1999", "nowak1999-" + run);
        upload(bib, "application/x-bibtex", true).statusCode(201)
                .body("format", equalTo("bibtex")).body("register", equalTo(3));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/chwalba2004-" + run).then()
                .statusCode(200)
                .body("authors", contains("Andrzej Chwalba", "Jan Kowalski"))
                .body("language", equalTo("pl"))
                .body("citation.formatted", startsWith("Chwalba, Andrzej, and Jan Kowalski. 2004.")));
        upload(bib, "text/x-bibtex", true).statusCode(200).body("unchanged", equalTo(3));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "malformed.json, 400, application/json",
            "malformed.bib, 400, application/x-bibtex",
            "unknown-type.json, 422, application/json",
            "no-title.json, 422, application/json",
            "impossible-date.json, 422, application/json",
            "bad-language.json, 422, application/json",
            "collision.json, 422, application/json"})
    void bad_input_is_refused_with_a_problem_and_nothing_is_written(String file, int status, String type) {
        long before = Api.events(dataSource);
        ValidatableResponse refused = upload(fixture(file), type, true).statusCode(status)
                .contentType("application/problem+json").body("status", equalTo(status));
        if (status == 422) {
            refused.body("errors", hasSize(1)).body("errors[0].entry", org.hamcrest.Matchers.notNullValue())
                    .body("errors[0].field", org.hamcrest.Matchers.oneOf("type", "title", "issued", "language", "id"));
        }
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void an_impossible_date_names_the_entry_and_the_field() {
        upload(fixture("impossible-date.json"), CSL, false).statusCode(422)
                .body("errors[0].entry", equalTo("yalta-1945"))
                .body("errors[0].field", equalTo("issued"))
                .body("errors[0].message", containsString("no day 30"));
    }

    @Test
    void one_bad_entry_refuses_the_whole_file() {
        String run = Api.unique("mixed").replace("mixed-", "");
        String mixed = library(run).replaceFirst("\\[", "[{\"id\": \"bad-" + run + "\", \"type\": \"book\"},");
        long before = Api.events(dataSource);
        upload(mixed, CSL, true).statusCode(422).body("errors[0].entry", equalTo("bad-" + run))
                .body("errors[0].field", equalTo("title"));
        assertThat(Api.events(dataSource)).isEqualTo(before);
        given().get("/api/sources/davies-2003-rising-" + run).then().statusCode(404);
    }

    @Test
    void a_file_over_the_size_limit_is_413_and_writes_nothing() {
        long before = Api.events(dataSource);
        String huge = "[" + "{\"type\":\"book\",\"title\":\"x\"},".repeat(190_000) + "{\"type\":\"book\",\"title\":\"y\"}]";
        assertThat(huge.length()).isGreaterThan(5 * 1024 * 1024);
        upload(huge, CSL, true).statusCode(413).contentType("application/problem+json");
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void a_file_of_another_type_is_415() {
        upload("@book{x, title={y}}", "text/plain", true).statusCode(415);
    }
}
