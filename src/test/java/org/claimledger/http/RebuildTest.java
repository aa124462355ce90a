package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.claimledger.axon.AxonLedger;
import org.claimledger.axon.Projections;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
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

/** The event log is the truth: every read model, emptied and replayed, comes back exactly as it was. */
@QuarkusTest
class RebuildTest {

    static final Map<String, String> VIEWS = Map.of(
            "sources", "SELECT * FROM source_view ORDER BY id; SELECT * FROM source_history_view ORDER BY source_id, seq",
            "claims", "SELECT * FROM claim_view ORDER BY id",
            "propositions", "SELECT * FROM proposition_view ORDER BY id",
            "entities", "SELECT * FROM entity_view ORDER BY id; SELECT * FROM entity_name_view ORDER BY folded, entity_id",
            "verdicts", "SELECT * FROM verdict_view ORDER BY proposition_id; "
                    + "SELECT * FROM verdict_change ORDER BY proposition_id, seq; "
                    + "SELECT * FROM verdict_source ORDER BY id; SELECT * FROM verdict_claim ORDER BY id");

    static final String VERDICTS = VIEWS.get("verdicts");
    static final String TOKEN = "SELECT token, token_type FROM token_entry WHERE processor_name = 'verdicts'";

    @Inject
    DataSource dataSource;

    @Inject
    AxonLedger ledger;

    @Inject
    Projections projections;

    @Test
    void every_read_model_rebuilt_from_the_event_log_matches_the_live_one() {
        String city = unique("krakow");
        String source = unique("source");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        post("/api/propositions", Api.proposition(city + "/intact", city, "boolean")).statusCode(201);
        post("/api/sources", Api.source(source)).statusCode(201);
        post("/api/sources/" + source + "/assessments", Map.of("grade", "C", "rationale", "fair")).statusCode(201);
        for (int i = 0; i < 3; i++) {
            post("/api/sources/" + source + "/claims", Map.of("id", source + "/c" + i, "propositionId", city + "/intact",
                    "stance", i == 1 ? "denies" : "asserts", "value", Map.of("boolean", true))).statusCode(201);
        }
        post("/api/sources/" + source + "/claims/" + source + "/c2/withdrawal", Map.of("reason", "misread"))
                .statusCode(200);

        for (String view : VIEWS.keySet()) {
            awaitCaughtUp(view);
        }
        // the update stream as this test wrote it (one write at a time, so every update at its event's place)
        String updates = "SELECT * FROM update_feed WHERE subject = '" + city + "' OR source_id = '" + source
                + "' ORDER BY position, seq";
        List<List<Object>> stream = rows(updates);
        assertThat(stream).hasSizeGreaterThan(4);
        for (Map.Entry<String, String> view : VIEWS.entrySet()) {
            List<List<Object>> live = rows(view.getValue());
            assertThat(live).isNotEmpty();
            given().post("/api/admin/projections/" + view.getKey() + "/rebuild").then().statusCode(202);
            awaitCaughtUp(view.getKey());
            assertThat(rows(view.getValue())).as(view.getKey()).isEqualTo(live);
        }
        assertThat(rows(updates)).isEqualTo(stream);
    }

    @Test
    void a_verdict_rebuild_that_fails_leaves_the_verdicts_and_their_position_as_they_were() {
        String city = unique("krakow");
        String proposition = city + "/intact";
        String source = unique("source");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        post("/api/propositions", Api.proposition(proposition, city, "boolean")).statusCode(201);
        post("/api/sources", Api.source(source)).statusCode(201);
        post("/api/sources/" + source + "/claims", Map.of("id", source + "/c", "propositionId", proposition,
                "stance", "asserts", "value", Map.of("boolean", true))).statusCode(201);
        awaitCaughtUp("verdicts");
        String verdicts = VERDICTS + "; " + TOKEN;
        List<List<Object>> before = rows(verdicts);
        // the database refuses this proposition's verdict row: the rebuild fails after emptying the tables
        update("CREATE FUNCTION refuse_verdict() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$");
        update("CREATE TRIGGER refuse_verdict BEFORE INSERT ON verdict_view FOR EACH ROW WHEN (NEW.proposition_id = '"
                + proposition + "') EXECUTE FUNCTION refuse_verdict()");
        try {
            given().post("/api/admin/projections/verdicts/rebuild").then().statusCode(202)
                    .body("replaying", equalTo(true)).body("caughtUp", equalTo(false));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/admin/projections/verdicts").then().statusCode(200)
                            .body("replaying", equalTo(false)).body("running", equalTo(true))
                            .body("lastBulkFailure", org.hamcrest.Matchers.containsString("refused by the test")));
            assertThat(rows(verdicts)).isEqualTo(before);
        } finally {
            update("DROP TRIGGER refuse_verdict ON verdict_view");
            update("DROP FUNCTION refuse_verdict()");
        }
        awaitCaughtUp("verdicts");
        assertThat(rows(verdicts)).isEqualTo(before);
    }

    @Test
    void verdicts_far_behind_catch_up_in_one_transaction_to_what_a_rebuild_gives() {
        awaitCaughtUp("verdicts");
        TrackingEventProcessor processor = ledger.configuration().eventProcessingConfiguration()
                .eventProcessor("verdicts", TrackingEventProcessor.class).orElseThrow();
        String city = unique("krakow");
        String proposition = city + "/intact";
        processor.shutDown();
        try {
            post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
            post("/api/propositions", Api.proposition(proposition, city, "boolean")).statusCode(201);
            for (int s = 0; s < 3; s++) {
                String source = unique("source");
                post("/api/sources", Api.source(source)).statusCode(201);
                post("/api/sources/" + source + "/assessments", Map.of("grade", "B", "rationale", "fair"))
                        .statusCode(201);
                post("/api/sources/" + source + "/claims", Map.of("id", source + "/c", "propositionId", proposition,
                        "stance", s == 2 ? "denies" : "asserts", "value", Map.of("boolean", true))).statusCode(201);
            }
            assertThat(rows("SELECT * FROM verdict_view WHERE proposition_id = '" + proposition + "'")).isEmpty();
        } finally {
            given().get("/api/admin/projections/verdicts").then().body("running", equalTo(false));
            projections.catchUp("verdicts");
        }
        awaitCaughtUp("verdicts");
        given().get("/api/propositions/" + proposition).then().statusCode(200)
                .body("status", equalTo("contested"));
        List<List<Object>> caughtUp = rows(VERDICTS);
        given().post("/api/admin/projections/verdicts/rebuild").then().statusCode(202);
        awaitCaughtUp("verdicts");
        assertThat(rows(VERDICTS)).isEqualTo(caughtUp);
    }

    @Test
    void rebuilding_an_unknown_read_model_is_404() {
        given().post("/api/admin/projections/no-such-view/rebuild").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void awaitCaughtUp(String view) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/admin/projections/" + view).then().log().ifValidationFails().statusCode(200)
                        .body("caughtUp", equalTo(true)));
    }

    private void update(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<List<Object>> rows(String queries) {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String query : queries.split(";")) {
                try (ResultSet rs = s.executeQuery(query)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            row.add(v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                                    : v == null ? null : v.toString());
                        }
                        rows.add(row);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
