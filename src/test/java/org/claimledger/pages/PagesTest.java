package org.claimledger.pages;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.claimledger.verdict.view.VerdictQueries;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The pages as HTML: what the board lists and in which order, what the filters find, what a page escapes. */
@QuarkusTest
class PagesTest {

    static final Pattern ROW = Pattern.compile("<li class=\"row status-([a-z-]+)\" data-id=\"([^\"]+)\"");

    @Inject
    VerdictQueries verdicts;

    @Test
    void the_board_lists_contested_questions_first_then_the_rest_by_status_and_pages_across_statuses() {
        String city = unique("board");
        Map<String, String> byStatus = fiveStatuses(city);

        List<String[]> rows = rows(given().queryParam("subject", city).get("/").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString());
        assertThat(rows).extracting(r -> r[0])
                .containsExactly("contested", "corroborated", "single-line", "discredited", "unattested");
        assertThat(rows).extracting(r -> r[1]).containsExactly(byStatus.get("contested"), byStatus.get("corroborated"),
                byStatus.get("single-line"), byStatus.get("discredited"), byStatus.get("unattested"));

        // two at a time: each page continues where the last stopped, across statuses, none twice
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            VerdictQueries.Page page = verdicts.board(null, city, null, null, 2, cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(s -> walked.add(s.status()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(walked).containsExactly("contested", "corroborated", "single-line", "discredited", "unattested");
        assertThat(rows(given().queryParam("subject", city).queryParam("status", "discredited").get("/").asString()))
                .extracting(r -> r[1]).containsExactly(byStatus.get("discredited"));
    }

    @Test
    void the_board_finds_words_ignoring_case_and_diacritics_and_filters_by_the_language_of_a_source() {
        String city = unique("lang");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String polish = city + "/polish";
        String english = city + "/english";
        post("/api/propositions", Map.of("id", polish, "subject", city, "predicate", "spared", "valueType", "boolean",
                "label", "Czy Kraków ocalał dzięki żołnierzom AK?")).statusCode(201);
        post("/api/propositions", Map.of("id", english, "subject", city, "predicate", "spared", "valueType", "boolean",
                "label", "Was Kraków spared by the Red Army?")).statusCode(201);
        String pl = unique("zrodlo");
        post("/api/sources", withLanguage(Api.source(pl), "pl")).statusCode(201);
        String en = unique("source");
        post("/api/sources", withLanguage(Api.source(en), "en")).statusCode(201);
        claim(pl, polish, true);
        claim(en, english, true);
        Api.awaitVerdict(english, "single-line");
        Api.awaitVerdict(polish, "single-line");

        assertThat(ids(given().queryParam("subject", city).queryParam("q", "ZOLNIERZOM krakow").get("/").asString()))
                .containsExactly(polish);
        assertThat(ids(given().queryParam("subject", city).queryParam("lang", "pl").get("/").asString()))
                .containsExactly(polish);
        assertThat(ids(given().queryParam("subject", city).queryParam("lang", "en").get("/").asString()))
                .containsExactly(english);
        String board = given().queryParam("subject", city).get("/").asString();
        assertThat(ids(board)).containsExactlyInAnyOrder(polish, english);
        // subjects are offered by the names readers know them by
        assertThat(board).contains("<option value=\"" + city + "\" selected>Kraków</option>");
        given().queryParam("lang", "not a language!").get("/").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("lang"));
    }

    @Test
    void a_proposition_page_shows_positions_quotes_and_history_and_escapes_what_sources_say() {
        String city = unique("page");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String question = city + "/intact";
        post("/api/propositions", Map.of("id", question, "subject", city, "predicate", "taken intact",
                "valueType", "boolean", "label", "Was Kraków taken intact?")).statusCode(201);
        String a = graded("B");
        String b = graded("C");
        post("/api/sources/" + a + "/claims", Map.of("id", a + "/yes", "propositionId", question, "stance", "asserts",
                "value", Map.of("boolean", true), "quote", "Kraków <script>alert(1)</script> ocalał",
                "quoteLanguage", "pl", "translation", "Kraków survived")).statusCode(201);
        post("/api/sources/" + b + "/claims", Map.of("id", b + "/no", "propositionId", question, "stance", "asserts",
                "value", Map.of("boolean", false))).statusCode(201);
        Api.awaitVerdict(question, "contested");

        String html = given().get("/propositions/" + question).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(html).contains("<h1>Was Kraków taken intact?</h1>")
                .contains("id=\"verdict-status\">Contested<")
                .contains("<h2 id=\"pos-0\">yes</h2>").contains("<h2 id=\"pos-1\">no</h2>")
                .contains("<blockquote lang=\"pl\">Kraków &lt;script&gt;alert(1)&lt;/script&gt; ocalał</blockquote>")
                .doesNotContain("<script>alert(1)</script>")
                .contains("Kraków survived")
                .contains("data-claim=\"" + a + "/yes\"")
                .contains("<td>single-line</td><td>contested</td>");
        assertThat(Pattern.compile("<circle ").matcher(html).results().count()).isEqualTo(3);

        String fragment = given().queryParam("part", "verdict").queryParam("publishedBefore", "1990")
                .get("/propositions/" + question).then().statusCode(200).extract().asString();
        assertThat(fragment).doesNotContain("<html").contains("data-status=\"unattested\"")
                .contains("from sources published up to 1990");
        given().queryParam("publishedBefore", "last year").get("/propositions/" + question).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("publishedBefore"));
    }

    @Test
    void a_withdrawn_claim_stays_on_its_question_page_with_the_reason_and_leaves_the_verdict() {
        String city = unique("withdrawn");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String question = city + "/intact";
        post("/api/propositions", Api.proposition(question, city, "boolean")).statusCode(201);
        String a = graded("B");
        post("/api/sources/" + a + "/claims", Map.of("id", a + "/misread", "propositionId", question, "stance", "asserts",
                "value", Map.of("boolean", false), "quote", "Miasto zniszczone", "quoteLanguage", "pl")).statusCode(201);
        Api.awaitVerdict(question, "single-line");
        post("/api/sources/" + a + "/claims/" + a + "/misread/withdrawal", Map.of("reason", "misread the page"))
                .statusCode(200);
        Api.awaitVerdict(question, "unattested");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(given().get("/propositions/" + question).asString())
                        .contains("Withdrawn claims (kept in the ledger, no longer counted)")
                        .contains("Withdrawn: misread the page")
                        .contains("<blockquote lang=\"pl\">Miasto zniszczone</blockquote>")
                        .contains("asserts <strong>no</strong>")
                        .contains("id=\"verdict-status\">Unattested<"));
    }

    @Test
    void a_source_page_shows_its_grade_history_with_rationales_and_who_gave_them_and_its_claims() {
        String id = graded("D");
        post("/api/sources/" + id + "/assessments", Map.of("grade", "B", "rationale", "Checked against the archive"))
                .statusCode(201);
        // the page reads the source view, which follows the log: wait for the second grade to reach it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            String html = given().get("/sources/" + id).then().statusCode(200).extract().asString();
            assertThat(html).contains("id=\"grade-now\">B<")
                    .contains("for the test").contains("Checked against the archive")
                    .contains("by <strong>test-historian</strong>");
            assertThat(html.indexOf("for the test")).isLessThan(html.indexOf("Checked against the archive"));
        });
    }

    @Test
    void an_unknown_page_is_a_404_page_naming_what_was_asked_for() {
        given().get("/propositions/no/such-question").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("no/such-question"));
        given().get("/sources/no-such-source").then().statusCode(404).body(containsString("no-such-source"))
                .body(not(containsString("Exception")));
    }

    @Test
    void the_board_rows_alone_are_served_for_live_redraws() {
        String fragment = given().queryParam("part", "rows").get("/").then().statusCode(200).extract().asString();
        assertThat(fragment).doesNotContain("<html").contains("id=\"board-rows\"");
    }

    private static Map<String, String> fiveStatuses(String city) {
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String a = graded("B");
        String b = graded("C");
        String e = graded("E");
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String name : List.of("unattested", "single", "corroborated", "contested", "discredited")) {
            String id = city + "/" + name;
            post("/api/propositions", Api.proposition(id, city, "boolean")).statusCode(201);
            ids.put(name.equals("single") ? "single-line" : name, id);
        }
        claim(a, ids.get("single-line"), true);
        claim(a, ids.get("corroborated"), true);
        claim(b, ids.get("corroborated"), true);
        claim(a, ids.get("contested"), true);
        claim(b, ids.get("contested"), false);
        claim(e, ids.get("discredited"), true);
        ids.forEach((status, id) -> Api.awaitVerdict(id, status));
        return ids;
    }

    private static String graded(String grade) {
        return Api.gradedSource(grade);
    }

    private static void claim(String source, String proposition, boolean value) {
        post("/api/sources/" + source + "/claims", Map.of("id", source + "/" + proposition.replace('/', '-'),
                "propositionId", proposition, "stance", "asserts", "value", Map.of("boolean", value))).statusCode(201);
    }

    private static Map<String, Object> withLanguage(Map<String, Object> source, String language) {
        Map<String, Object> out = new java.util.HashMap<>(source);
        out.put("language", language);
        return out;
    }

    private static List<String[]> rows(String html) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.add(new String[]{m.group(1), m.group(2)});
        }
        return rows;
    }

    private static List<String> ids(String html) {
        return rows(html).stream().map(r -> r[1]).toList();
    }

    @Test
    void every_page_serves_its_script_the_update_types_and_the_script_keeps_no_copy_of_them() throws Exception {
        String types = String.join(",", org.claimledger.stream.UpdateType.names());
        assertThat(types).contains("source-retracted", "source-reinstated", "verdict-changed");
        for (String page : List.of("/", "/contribute", "/propositions/krakow-1945/demolition-prevented-by",
                "/sources/konev-1969-memoir")) {
            given().get(page).then().statusCode(200).body(containsString("data-update-types=\"" + types + "\""));
        }
        String script = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/resources/META-INF/resources/assets/ledger.js"));
        for (String type : org.claimledger.stream.UpdateType.names()) {
            assertThat(script).as("ledger.js names %s itself", type).doesNotContain("'" + type + "'")
                    .doesNotContain("\"" + type + "\"");
        }
    }
}
