package org.claimledger.pages;

import io.quarkus.test.junit.QuarkusTest;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.containsString;

/** Citations on the pages: "Cite as" on a source's page, "Cite this" on a question's, and its asOf link. */
@QuarkusTest
class CitationPagesTest {

    static final Pattern LINK = Pattern.compile("id=\"cite-this-link\"[^>]*>([^<]+)</a>");

    @Test
    void a_source_page_says_how_to_cite_it_in_chicago_author_date() {
        String id = unique("cite-as");
        Map<String, Object> source = new HashMap<>(Api.source(id));
        source.put("csl", Map.of("type", "book", "title", "Rising '44: The Battle for Warsaw",
                "author", List.of(Map.of("family", "Davies", "given", "Norman")), "publisher", "Macmillan",
                "issued", Map.of("date-parts", List.of(List.of(2003)))));
        post("/api/sources", source).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/sources/" + id).then().statusCode(200)
                .body(containsString("<h2 id=\"cite-as-heading\">Cite as</h2>"))
                .body(containsString("Davies, Norman. 2003. Rising ’44: The Battle for Warsaw. Macmillan.")));
    }

    @Test
    void a_source_typed_in_by_hand_is_cited_from_its_fields() {
        String id = unique("typed");
        post("/api/sources", Api.source(id)).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/sources/" + id).then().statusCode(200)
                .body(containsString("Cite as"))
                .body(containsString("Historian, A. 2007."))
                .body(containsString("it has none of its own")));
    }

    @Test
    void a_question_page_says_how_to_cite_it_and_its_link_reproduces_the_verdict_as_read() {
        String city = unique("cite-this");
        String source = unique("witness");
        String question = Api.questionAndSource(city, source);
        post("/api/sources/" + source + "/claims", Map.of("id", source + "/c1", "propositionId", question,
                "stance", "asserts", "value", Map.of("text", "the AK"))).statusCode(201);
        Api.awaitVerdict(question, "single-line");

        String page = given().get("/propositions/" + question).then().statusCode(200).extract().asString();
        assertThat(page).contains("<h2 id=\"cite-this-head\">Cite this</h2>")
                .contains("data-cited-status=\"single-line\"").contains("read on");
        Matcher link = LINK.matcher(page);
        assertThat(link.find()).isTrue();
        String href = link.group(1);
        assertThat(href).contains("/propositions/" + question + "?asOf=");
        Instant readAt = Instant.parse(href.substring(href.indexOf("asOf=") + 5));
        assertThat(readAt).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));

        // later evidence changes the verdict; the cited link still shows it as it was read
        String other = unique("other");
        post("/api/sources", Api.source(other)).statusCode(201);
        post("/api/sources/" + other + "/claims", Map.of("id", other + "/c2", "propositionId", question,
                "stance", "asserts", "value", Map.of("text", "the NKVD"))).statusCode(201);
        Api.awaitVerdict(question, "contested");

        String cited = given().urlEncodingEnabled(false).get(href.substring(href.indexOf("/propositions/")))
                .then().statusCode(200).extract().asString();
        assertThat(cited).contains("data-cited-status=\"single-line\"").contains("as recorded on")
                .contains("data-status=\"single-line\"");
        assertThat(given().get("/propositions/" + question).asString()).contains("data-cited-status=\"contested\"");
    }

    @Test
    void an_as_of_that_is_not_an_instant_is_refused() {
        given().get("/propositions/krakow-1945/city-taken-intact?asOf=yesterday").then().statusCode(400);
    }
}
