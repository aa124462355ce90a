package org.claimledger.stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.claimledger.axon.AxonLedger;
import org.claimledger.axon.Projections;
import org.claimledger.testing.Api;
import org.claimledger.testing.SseClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;

/**
 * Update ids never change (ADR 11): the feed has its own reader of the log, so a rebuild of the
 * verdicts or a catch-up in bulk leaves every update where it was, and a subscriber resuming from
 * any id it was served gets exactly what followed it before.
 */
@QuarkusTest
class UpdateIdsTest {

    @Inject
    Projections projections;

    @Inject
    AxonLedger ledger;

    static String url(String query) {
        return "http://localhost:" + RestAssured.port + "/api/streams/claims" + query;
    }

    @Test
    void a_rebuild_and_a_bulk_catch_up_leave_every_update_id_and_order_as_it_was() throws Exception {
        String city = unique("ids");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        List<String> questions = List.of(city + "/intact", city + "/mined", city + "/liberated");
        for (String q : questions) {
            post("/api/propositions", Api.proposition(q, city, "boolean")).statusCode(201);
        }
        String a = unique("source-a");
        String b = unique("source-b");
        post("/api/sources", Api.source(a)).statusCode(201);
        post("/api/sources", Api.source(b)).statusCode(201);
        // 330 claims in batches, a denial now and then (verdicts move to and fro), a grade, a retraction
        for (int batch = 0; batch < 3; batch++) {
            claims(a, questions, batch * 100, 100, false);
            claims(b, questions, batch * 10, 10, batch % 2 == 0);
        }
        post("/api/sources/" + b + "/assessments", Map.of("grade", "A", "rationale", "an eyewitness")).statusCode(201);
        Api.json().body(Map.of("reason", "shown to be forged", "date", "1990"))
                .post("/api/sources/" + b + "/retraction").then().statusCode(201);
        awaitCaughtUp("verdicts");
        awaitCaughtUp("updates");

        String filter = "?subject=" + city;
        List<SseClient.Event> served = readFrom(filter, "0", -1);
        assertThat(served).hasSizeGreaterThan(330);
        assertThat(served).extracting(SseClient.Event::type).contains("claim-recorded", "verdict-changed");

        // the verdicts rebuilt: nothing in the feed moves, and nothing is announced twice
        given().post("/api/admin/projections/verdicts/rebuild").then().statusCode(202);
        awaitCaughtUp("verdicts");
        // the feed's reader far behind, then caught up in one transaction
        TrackingEventProcessor feed = ledger.configuration().eventProcessingConfiguration()
                .eventProcessor("updates", TrackingEventProcessor.class).orElseThrow();
        feed.shutDown();
        List<String> later = new ArrayList<>();
        try {
            String c = unique("source-c");
            post("/api/sources", Api.source(c)).statusCode(201);
            claims(c, questions, 0, 30, true);
            later.add(c);
        } finally {
            projections.catchUp("updates");
        }
        awaitCaughtUp("updates");
        awaitCaughtUp("verdicts");

        // resumed from every 100th id (and the first), a subscriber gets what followed it before, then the new
        for (int i = 0; i < served.size(); i += 100) {
            List<SseClient.Event> resumed = readFrom(filter, served.get(i).id(), served.size() - i - 1);
            assertThat(resumed.subList(0, served.size() - i - 1)).as("resumed after " + served.get(i).id())
                    .extracting(SseClient.Event::id, SseClient.Event::type, SseClient.Event::data)
                    .containsExactlyElementsOf(served.subList(i + 1, served.size()).stream()
                            .map(e -> org.assertj.core.groups.Tuple.tuple(e.id(), e.type(), e.data())).toList());
        }
        // after the last served: the 30 claims written while the reader was stopped, and their verdict changes
        List<SseClient.Event> news = readFrom(filter, served.get(served.size() - 1).id(), -1);
        assertThat(news.stream().filter(e -> e.type().equals("claim-recorded"))).hasSize(30)
                .allMatch(e -> e.data().contains(later.get(0)));
        assertThat(news).extracting(SseClient.Event::type).doesNotContain("source-assessed", "source-retracted");
        // nothing decided before was announced again: every new update is about an event after the last served
        long lastPosition = position(served.get(served.size() - 1));
        assertThat(news).allSatisfy(e -> assertThat(position(e)).as(e.data()).isGreaterThan(lastPosition));
        ServerSentEventsTest.assertIncreasing(news);

        // and the feed itself is never rebuilt
        given().post("/api/admin/projections/updates/rebuild").then().statusCode(409)
                .contentType("application/problem+json");
    }

    /**
     * Every update after {@code from} matching the filter: at least {@code atLeast} of them, and
     * then (or, with -1, as soon as) nothing more comes for a second.
     */
    private static List<SseClient.Event> readFrom(String filter, String from, int atLeast) throws Exception {
        try (SseClient client = SseClient.open(url(filter), from)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> client.events().size() >= Math.max(atLeast, 1));
            int[] seen = {-1};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                int now = client.events().size();
                boolean still = now == seen[0];
                seen[0] = now;
                return still;
            });
            return client.events();
        }
    }

    /** The position in the log of the event an update is about (its data says, whatever its id). */
    private static long position(SseClient.Event e) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.data()).get("position").asLong();
    }

    private static void claims(String source, List<String> questions, int from, int n, boolean denying) {
        List<Map<String, Object>> claims = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            claims.add(Map.of("id", source + "/c" + i, "propositionId", questions.get(i % questions.size()),
                    "stance", denying ? "denies" : "asserts", "value", Map.of("boolean", true)));
        }
        post("/api/sources/" + source + "/claims", Map.of("claims", claims)).statusCode(201);
    }

    private static void awaitCaughtUp(String view) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/admin/projections/" + view)
                .then().statusCode(200).body("caughtUp", equalTo(true)));
    }
}
