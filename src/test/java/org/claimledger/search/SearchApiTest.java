package org.claimledger.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The search as a historian's client uses it: live, in every language, filtered, paged, and never a 500. */
@QuarkusTest
class SearchApiTest {

    /** A word no other test writes, so that searches here see only what this test recorded. */
    static String nonce() {
        return "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    record Setting(String city, String question, String polish, String soviet, String word) {
    }

    static Setting setting() {
        String word = nonce();
        String city = unique("city");
        post("/api/entities", Map.of("id", city, "kind", "place",
                "labels", Map.of("pl", word + "gród", "de", word + "burg"), "aliases", List.of(word + "ville"))).statusCode(201);
        String question = city + "/saved-by";
        post("/api/propositions", Api.proposition(question, city, "boolean")).statusCode(201);
        String polish = unique("ak-report");
        post("/api/sources", Map.of("id", polish, "title", "Raport o ocaleniu miasta", "authors", List.of("Jan Nowak"),
                "kind", "archival-document", "published", "1945-03", "language", "pl", "origin", "polish-home-army",
                "citation", "AAN")).statusCode(201);
        String soviet = unique("konev");
        post("/api/sources", Map.of("id", soviet, "title", "Записки командующего фронтом", "authors", List.of("Ivan Konev"),
                "kind", "memoir", "published", "1969", "language", "ru", "origin", "soviet-state",
                "citation", "Konev 1969")).statusCode(201);
        return new Setting(city, question, polish, soviet, word);
    }

    static String claim(String source, String question, boolean value, String quote, String lang, String translation) {
        String id = source + "/" + unique("c");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "propositionId", question, "stance", "asserts",
                "value", Map.of("boolean", value), "quote", quote, "quoteLanguage", lang));
        if (translation != null) {
            body.put("translation", translation);
        }
        post("/api/sources/" + source + "/claims", body).statusCode(201);
        return id;
    }

    static JsonPath search(String query) {
        return given().get("/api/search?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_claim_is_found_in_its_own_language_by_any_name_of_its_entity_within_moments_of_its_acknowledgement() {
        Setting s = setting();
        long acknowledged = System.nanoTime();
        String claim = claim(s.polish(), s.question(), true, "Żołnierze Armii Krajowej ocalili miasto " + s.word() + "gród;"
                + " w mieście rozminowano mosty", "pl", "The Home Army saved the city; in the city the bridges were demined");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                given().get("/api/search?q=mieście " + s.word() + "burg").then().statusCode(200)
                        .body("total", equalTo(1)).body("hits[0].claim", equalTo(claim)));
        System.out.printf("searchable %d ms after the acknowledgement%n", (System.nanoTime() - acknowledged) / 1_000_000);

        JsonPath hit = search("q=" + s.word() + "ville \"rozminować most\"");
        assertThat(hit.getString("hits[0].quote")).isEqualTo("Żołnierze Armii Krajowej ocalili miasto <mark>"
                + s.word() + "gród</mark>; w mieście <mark>rozminowano</mark> <mark>mosty</mark>");
        assertThat(hit.getString("hits[0].source.title")).isEqualTo("Raport o ocaleniu miasta");
        assertThat(hit.getString("hits[0].source.href")).isEqualTo("/api/sources/" + s.polish());
        assertThat(hit.getString("hits[0].question.href")).isEqualTo("/propositions/" + s.question());
        assertThat(hit.getString("hits[0].question.subject")).isEqualTo(s.city());
        // English: demining finds demined in the translation, marked there
        assertThat(search("q=demining " + s.word() + "burg").getString("hits[0].translation"))
                .contains("were <mark>demined</mark>");
    }

    @Test
    void filters_facets_and_pages() {
        Setting s = setting();
        List<String> claims = new ArrayList<>();
        claims.add(claim(s.polish(), s.question(), true, "Armia Krajowa ocaliła " + s.word() + "gród", "pl", null));
        claims.add(claim(s.soviet(), s.question(), false, "Советские войска спасли " + s.word() + "gród", "ru",
                "Soviet troops saved " + s.word() + "gród"));
        claims.add(claim(s.polish(), s.question(), true, "Miasto " + s.word() + "gród ocalało", "pl", null));
        Api.awaitVerdict(s.question(), "contested");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(search("q=" + s.word() + "burg").getLong("total")).isEqualTo(3));

        JsonPath all = search("q=" + s.word() + "burg");
        assertThat(all.getMap("facets.lang")).containsExactlyInAnyOrderEntriesOf(Map.of("pl", 2, "ru", 1));
        assertThat(all.getMap("facets.status")).containsExactlyInAnyOrderEntriesOf(Map.of("contested", 3));
        assertThat(all.getMap("facets.origin")).containsExactlyInAnyOrderEntriesOf(Map.of("polish-home-army", 2, "soviet-state", 1));
        assertThat(all.getMap("facets.kind")).containsExactlyInAnyOrderEntriesOf(Map.of("archival-document", 2, "memoir", 1));
        assertThat(all.getList("hits.question.status")).containsOnly("contested");

        String q = "q=" + s.word() + "burg";
        assertThat(search(q + "&lang=ru").getList("hits.claim")).containsExactly(claims.get(1));
        assertThat(search(q + "&kind=memoir").getList("hits.claim")).containsExactly(claims.get(1));
        assertThat(search(q + "&origin=polish-home-army").getList("hits.claim")).hasSize(2);
        assertThat(search(q + "&source=" + s.soviet()).getList("hits.claim")).containsExactly(claims.get(1));
        assertThat(search(q + "&subject=" + s.city()).getLong("total")).isEqualTo(3);
        assertThat(search(q + "&status=corroborated").getLong("total")).isZero();
        assertThat(search(q + "&publishedBefore=1946").getList("hits.claim")).hasSize(2);

        // pages of one follow each other without a gap or a repeat
        List<Object> paged = new ArrayList<>();
        String next = "/api/search?" + q + "&limit=1";
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("hits.claim"));
            next = page.getString("next");
        }
        assertThat(paged).containsExactlyElementsOf(all.getList("hits.claim")).hasSize(3);
    }

    @Test
    void withdrawn_claims_and_retracted_sources_are_found_and_marked() {
        Setting s = setting();
        String withdrawn = claim(s.polish(), s.question(), true, "Most " + s.word() + "gród ocalał", "pl", null);
        String retracted = claim(s.soviet(), s.question(), true, "Мост " + s.word() + "gród спасён", "ru", null);
        post("/api/sources/" + s.polish() + "/claims/" + withdrawn + "/withdrawal",
                Map.of("reason", "misread")).statusCode(200);
        post("/api/sources/" + s.soviet() + "/retraction", Map.of("reason", "shown to be forged", "date", "1990")).statusCode(201);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonPath r = search("q=" + s.word() + "burg");
            assertThat(r.getList("hits.claim")).containsExactlyInAnyOrder(withdrawn, retracted);
            assertThat(r.getList("hits.findAll { it.withdrawn }.claim")).containsExactly(withdrawn);
            assertThat(r.getList("hits.findAll { it.source.retracted }.claim")).containsExactly(retracted);
        });
    }

    @Test
    void bad_input_is_a_clear_400_and_odd_input_a_sensible_answer() {
        given().get("/api/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        for (String[] bad : new String[][] {
                {"q", ""}, {"q", "   "}, {"q", "a".repeat(501)}, {"q", "+-&& || !"}, {"status", "probable"},
                {"kind", "novel"}, {"lang", "not_a_tag!"}, {"publishedBefore", "1945-02-30"}, {"limit", "0"},
                {"limit", "101"}, {"after", "garbage"}}) {
            var request = given().queryParam(bad[0], bad[1]);
            if (!bad[0].equals("q")) {
                request.queryParam("q", "x");
            }
            request.get("/api/search").then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo(bad[0]));
        }
        for (String odd : List.of("\"unbalanced quote", "title:(AK OR NKVD)^2", "mine*~ [1 TO 5]", "ქალაქი თბილისი",
                "\\\\ / : AK", "Ꭰ Ꭱ Ꭲ")) {
            // searched as the words in it: an answer, whatever it finds
            given().queryParam("q", odd).get("/api/search").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
        }
    }

    @Test
    void a_rebuilt_index_answers_as_the_one_that_caught_up() {
        Setting s = setting();
        claim(s.polish(), s.question(), true, "Armia Krajowa ocaliła " + s.word() + "gród", "pl", "The Home Army saved it");
        String w = claim(s.soviet(), s.question(), false, "Советские войска спасли " + s.word() + "gród", "ru", null);
        post("/api/sources/" + s.soviet() + "/claims/" + w + "/withdrawal",
                Map.of("reason", "misread")).statusCode(200);
        List<String> queries = List.of("q=" + s.word() + "burg", "q=armia " + s.word() + "ville", "q=\"the home army\"",
                "q=спасти", "q=" + s.word() + "burg&status=single-line");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(search(queries.get(0)).getLong("total")).isEqualTo(2));
        List<Object> before = queries.stream().map(q -> (Object) search(q).get()).toList();

        given().post("/api/admin/projections/search/rebuild").then().statusCode(202).body("name", equalTo("search"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/admin/projections/search").then().statusCode(200)
                        .body("replaying", equalTo(false)).body("caughtUp", equalTo(true)));
        List<Object> after = queries.stream().map(q -> (Object) search(q).get()).toList();
        assertThat(after).isEqualTo(before);
    }
}
