package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;

/**
 * The founding case, end to end over HTTP: who kept Kraków from being blown up in January 1945?
 * Soviet sources and the 2007 Moscow honours (one soviet-state line) against the AK account and the
 * historians who call the NKVD story propaganda.
 */
@QuarkusTest
class KrakowDemolitionTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_demolition_question_is_contested_until_the_soviet_sources_are_graded() {
        String run = unique("k");
        String krakow = run + "-krakow";
        String ak = run + "-ak";
        String nkvd = run + "-nkvd";
        String question = run + "/demolition-prevented-by";
        String sovietAccount = run + "-soviet-nkvd-account";
        String honours = run + "-moscow-2007-honours";
        String historians = run + "-historians-propaganda";
        String akAccount = run + "-ak-account";
        String dutch = run + "-slag-om-krakow-1945-nl";

        post("/api/entities", Map.of("id", krakow, "kind", "place", "labels", Map.of("pl", "Kraków", "de", "Krakau"))).statusCode(201);
        post("/api/entities", Map.of("id", ak, "kind", "organisation", "labels", Map.of("pl", "Armia Krajowa", "en", "Home Army"))).statusCode(201);
        post("/api/entities", Map.of("id", nkvd, "kind", "organisation", "labels", Map.of("ru", "НКВД", "en", "NKVD"))).statusCode(201);
        post("/api/propositions", Map.of("id", question, "subject", krakow, "predicate", "demolition prevented by",
                "valueType", "entity", "cardinality", "single", "label", "Who kept Kraków from being blown up?")).statusCode(201);
        post("/api/sources", source(dutch, "Slag om Krakau", "press", "2015", "nl", "independent")).statusCode(201);
        post("/api/sources", source(sovietAccount, "Soviet account of the NKVD demining", "official-report", "1945", "ru", "soviet-state")).statusCode(201);
        post("/api/sources", source(honours, "Honours for two former NKVD officers, Moscow", "state-statement", "2007", "ru", "soviet-state")).statusCode(201);
        post("/api/sources", source(historians, "Historians on the NKVD version", "scholarship", "2000", "en", "independent")).statusCode(201);
        post("/api/sources", source(akAccount, "Home Army account", "eyewitness-testimony", "1946", "pl", "polish-home-army")).statusCode(201);

        claim(sovietAccount, "nkvd", question, "asserts", nkvd, dutch,
                "Volgens Sovjet-bronnen werd de ontmanteling uitgevoerd door een getrainde NKVD-groep");
        claim(honours, "nkvd", question, "asserts", nkvd, dutch, "in 2007 werden twee voormalige NKVD-officieren in Moskou geëerd");
        claim(historians, "not-nkvd", question, "denies", nkvd, dutch, "veel historici beschouwen dit als propaganda");
        claim(historians, "ak", question, "asserts", ak, dutch, "en schrijven de redding toe aan het AK");
        claim(akAccount, "ak", question, "asserts", ak, null, null);

        JsonPath contested = awaitVerdict(question, "contested");
        assertThat(contested.getList("positions.id")).containsExactly("asserts " + ak, "asserts " + nkvd, "denies " + nkvd);
        assertThat(contested.getString("leading")).isEqualTo("asserts " + ak);
        Map<String, Object> sovietLine = line(contested, sovietAccount);
        assertThat((List<Object>) sovietLine.get("sources")).containsExactly(honours, sovietAccount);
        assertThat(((List<?>) sovietLine.get("mergedBecause")).toString()).contains("shared origin soviet-state");
        assertThat(contested.getList("explanation", String.class))
                .anyMatch(e -> e.contains("one line of testimony") && e.contains("soviet-state"));
        assertThat(contested.getDouble("positions[0].support")).isEqualTo(0.75);
        assertThat(contested.getDouble("positions[1].support")).isEqualTo(0.5);
        given().get("/api/disputes?limit=200").then().statusCode(200);
        assertThat(given().get("/api/disputes?limit=200").jsonPath().getList("items.id")).contains(question);

        // as historiography stood in 1970: the Soviet account and the AK account only
        JsonPath in1970 = given().queryParam("publishedBefore", 1970).get("/api/propositions/" + question).jsonPath();
        assertThat(in1970.getString("status")).isEqualTo("contested");
        assertThat(in1970.getList("lines.id")).hasSize(2);
        assertThat(in1970.getInt("publishedBefore")).isEqualTo(1970);

        // a reviewer grades the Soviet sources unreliable
        post("/api/sources/" + sovietAccount + "/assessments", Map.of("grade", "E",
                "rationale", "Soviet-era account, contradicted by Polish testimony")).statusCode(201);
        assertThat(awaitVerdict(question, "contested").getString("status")).isEqualTo("contested"); // honours still F
        post("/api/sources/" + honours + "/assessments", Map.of("grade", "E",
                "rationale", "State ceremony, not evidence")).statusCode(201);

        JsonPath graded = awaitVerdict(question, "corroborated");
        assertThat(graded.getString("leading")).isEqualTo("asserts " + ak);
        assertThat(graded.getList("positions.find { it.id == 'asserts " + nkvd + "' }.discountedLines")).hasSize(1);
        assertThat(graded.getList("explanation", String.class)).anyMatch(e -> e.contains("is discounted for asserts " + nkvd));

        JsonPath gradedIn1970 = given().queryParam("publishedBefore", 1970).get("/api/propositions/" + question).jsonPath();
        assertThat(gradedIn1970.getString("status")).isEqualTo("single-line");

        JsonPath history = given().get("/api/propositions/" + question + "/history").jsonPath();
        assertThat(history.getList("changes.to")).containsExactly("unattested", "single-line", "contested", "corroborated");
        assertThat(history.getString("changes[3].causeType")).isEqualTo("source-assessed");
        assertThat(history.getString("changes[3].cause")).endsWith(" was graded")
                .startsWith(history.getString("changes[3].causeSource"));
        assertThat(history.getString("changes[3].from")).isEqualTo("contested");
    }

    static JsonPath awaitVerdict(String question, String status) {
        return org.claimledger.testing.Api.awaitVerdict(question, status);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> line(JsonPath verdict, String source) {
        List<Map<String, Object>> lines = verdict.getList("lines");
        return lines.stream().filter(l -> ((List<?>) l.get("sources")).contains(source)).findFirst().orElseThrow();
    }

    static Map<String, Object> source(String id, String title, String kind, String published, String language,
                                      String origin) {
        return Map.of("id", id, "title", title, "kind", kind, "published", published, "language", language,
                "origin", origin);
    }

    static void claim(String source, String name, String question, String stance, String entity, String via,
                      String quote) {
        Map<String, Object> claim = new HashMap<>(Map.of("id", source + "/" + name, "propositionId", question,
                "stance", stance, "value", Map.of("entity", entity)));
        if (via != null) {
            claim.put("via", via);
        }
        if (quote != null) {
            claim.put("quote", quote);
            claim.put("quoteLanguage", "nl");
        }
        post("/api/sources/" + source + "/claims", claim).statusCode(201);
    }
}
