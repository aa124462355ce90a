package org.claimledger.search;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The search page as a reader's browser gets it. */
@QuarkusTest
class SearchPageTest {

    @Test
    void every_page_has_a_search_box() {
        for (String page : new String[] {"/", "/contribute", "/search"}) {
            given().get(page).then().statusCode(200)
                    .body(containsString("<form class=\"site-search\" method=\"get\" action=\"/search\" role=\"search\">"));
        }
    }

    @Test
    void hits_in_their_own_words_with_the_question_and_its_verdict_and_facets_that_narrow() {
        SearchApiTest.Setting s = SearchApiTest.setting();
        String claim = SearchApiTest.claim(s.polish(), s.question(), true, "Miasto " + s.word() + "gród <ocalało>", "pl",
                "The city survived");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().get("/search?q=miasta " + s.word() + "burg").then().statusCode(200)
                        .body(containsString("1 claim found"))
                        // the quote as the source has it, escaped, with the words found marked
                        .body(containsString("<mark>Miasto</mark> <mark>" + s.word() + "gród</mark> &lt;ocalało&gt;"))
                        .body(containsString("<a href=\"/propositions/" + s.question() + "\">A test question</a>"))
                        .body(containsString("<a href=\"/sources/" + s.polish() + "\">Raport o ocaleniu miasta</a>"))
                        .body(containsString("class=\"badge status-single-line\""))
                        // a facet narrows the search to its value
                        .body(containsString("href=\"/search?q=miasta+" + s.word() + "burg&amp;lang=pl\""))
                        .body(not(containsString(claim + "\">"))));
    }

    @Test
    void what_cannot_be_searched_is_said_on_the_page() {
        given().queryParam("q", "  ").get("/search").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("role=\"alert\">q is empty"));
        given().get("/search?q=x&publishedBefore=1945-02-30").then().statusCode(400)
                .body(containsString("publishedBefore"));
    }
}
