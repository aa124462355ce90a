package org.claimledger.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.claimledger.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/**
 * Only known people may add to the ledger, and every change names who made it: for every write
 * endpoint, no token is 401, the wrong role 403, an expired or tampered token 401, the right role
 * succeeds and the event it records carries the token's subject as recordedBy.
 */
@QuarkusTest
class WhoMayWriteTest {

    @Inject
    DataSource dataSource;

    @Inject
    VerifiedTokens verifiedTokens;

    /** One write endpoint: how to call it (fresh ids each time), the role it needs, the stream it writes. */
    record Endpoint(String name, String role, Function<RequestSpecification, Response> call, String stream) {
    }

    @Test
    void every_write_endpoint_needs_a_valid_token_with_its_role_and_records_who_wrote() {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String q = city + "/q";
        post("/api/propositions", Api.proposition(q, city, "boolean")).statusCode(201);
        String source = unique("source");
        post("/api/sources", Api.source(source)).statusCode(201);
        String claim = source + "/c";
        post("/api/sources/" + source + "/claims", claimBody(claim, q, true)).statusCode(201);
        String withdrawn = source + "/w";
        post("/api/sources/" + source + "/claims", claimBody(withdrawn, q, true)).statusCode(201);

        List<Endpoint> endpoints = new ArrayList<>();
        String newSource = unique("new-source");
        endpoints.add(new Endpoint("register source", "contributor",
                r -> r.body(Api.source(newSource)).post("/api/sources"), "source:" + newSource));
        Map<String, Object> revised = new java.util.HashMap<>(Api.source(source));
        revised.put("citation", "revised by the test");
        revised.put("reason", "a better citation");
        endpoints.add(new Endpoint("revise source", "contributor",
                r -> r.body(revised).put("/api/sources/" + source), "source:" + source));
        endpoints.add(new Endpoint("assess source", "reviewer",
                r -> r.body(Map.of("grade", "C", "rationale", "fair")).post("/api/sources/" + source + "/assessments"),
                "source:" + source));
        String newClaim = source + "/new";
        endpoints.add(new Endpoint("record claim", "contributor",
                r -> r.body(claimBody(newClaim, q, false)).post("/api/sources/" + source + "/claims"), "claim:" + newClaim));
        Map<String, Object> revision = claimBody(claim, q, false);
        revision.put("reason", "misread");
        endpoints.add(new Endpoint("revise claim", "contributor",
                r -> r.body(revision).put("/api/sources/" + source + "/claims/" + claim), "claim:" + claim));
        endpoints.add(new Endpoint("withdraw claim", "contributor",
                r -> r.body(Map.of("reason", "duplicate")).post("/api/sources/" + source + "/claims/" + withdrawn + "/withdrawal"),
                "claim:" + withdrawn));
        String entity = unique("entity");
        endpoints.add(new Endpoint("define entity", "contributor",
                r -> r.body(Api.entity(entity, "Wisła")).post("/api/entities"), "entity:" + entity));
        String proposition = city + "/" + unique("p");
        endpoints.add(new Endpoint("define proposition", "contributor",
                r -> r.body(Api.proposition(proposition, city, "date")).post("/api/propositions"),
                "proposition:" + proposition));
        String importedEntity = unique("imported");
        endpoints.add(new Endpoint("import", "contributor",
                r -> r.body(Map.of("files", Map.of("case/entities.yaml", "schemaVersion: 1\nentities:\n  - id: "
                        + importedEntity + "\n    kind: place\n    labels: {en: Imported}\n    aliases: []\n"))).post("/api/imports"),
                "entity:" + importedEntity));
        endpoints.add(new Endpoint("rebuild a read model", "admin",
                r -> r.post("/api/admin/projections/entities/rebuild"), null));

        RestAssured.replaceFiltersWith(java.util.List.of(org.claimledger.testing.ResponsesKeepTheContract.FILTER)); // this test says itself which token each request carries
        String user = unique("historian");
        for (Endpoint e : endpoints) {
            long before = Api.events(dataSource);
            expectRefused(e, call(e, null), 401);
            String wrongRole = e.role().equals("reviewer") ? "contributor" : "reader";
            expectRefused(e, call(e, TestTokens.token(user, wrongRole)), 403);
            expectRefused(e, call(e, TestTokens.token(user, Duration.ofMinutes(-5), e.role())), 401);
            String good = TestTokens.token(user, e.role());
            String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
            expectRefused(e, call(e, tampered), 401);
            String forged = TestTokens.token(user, e.role()).replaceFirst("^[^.]+\\.", "eyJhbGciOiJub25lIn0.");
            expectRefused(e, call(e, forged), 401);
            assertThat(Api.events(dataSource)).as(e.name() + ": nothing written while refused").isEqualTo(before);

            Response ok = call(e, good);
            assertThat(ok.statusCode()).as(e.name() + ": " + ok.asString()).isBetween(200, 202);
            if (e.stream() != null) {
                assertThat(recordedBy(e.stream())).as(e.name() + " records who wrote").isEqualTo(user);
            }
        }
    }

    @Test
    void a_token_is_verified_once_and_tokens_that_resemble_it_are_still_refused() throws Exception {
        RestAssured.replaceFiltersWith(java.util.List.of(org.claimledger.testing.ResponsesKeepTheContract.FILTER));
        String user = unique("remembered");
        String good = TestTokens.token(user, "contributor");
        Endpoint register = new Endpoint("register a source", "contributor",
                r -> r.body(Api.source(unique("remembered-source"))).post("/api/sources"), null);
        assertThat(verifiedTokens.recall(good)).isNull();
        assertThat(call(register, good).statusCode()).isEqualTo(201);
        assertThat(verifiedTokens.recall(good)).as("remembered after its first check").isNotNull();
        assertThat(call(register, good).statusCode()).as("and still let in").isEqualTo(201);

        var rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String wronglySigned = org.claimledger.security.Tokens.issue(rsa.generateKeyPair().getPrivate(), user,
                java.util.Set.of("contributor"), Duration.ofHours(1));
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        String unsigned = good.replaceFirst("^[^.]+\\.", "eyJhbGciOiJub25lIn0.");
        long before = Api.events(dataSource);
        for (String bad : List.of(wronglySigned, tampered, unsigned, good + "x")) {
            expectRefused(register, call(register, bad), 401);
            assertThat(verifiedTokens.recall(bad)).isNull();
        }
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void reads_are_public_by_default_and_refusals_are_problem_details() {
        RestAssured.replaceFiltersWith(java.util.List.of(org.claimledger.testing.ResponsesKeepTheContract.FILTER));
        given().get("/api/disputes").then().statusCode(200);
        given().get("/api/admin/projections").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.token("someone", "contributor"))
                .get("/api/admin/projections").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-jwt").contentType("application/json").body("{}")
                .post("/api/sources").then().statusCode(401).contentType("application/problem+json");
    }

    private static Response call(Endpoint e, String token) {
        RequestSpecification r = given().contentType("application/json").accept("application/json");
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return e.call().apply(r);
    }

    private static void expectRefused(Endpoint e, Response r, int status) {
        assertThat(r.statusCode()).as(e.name() + " -> " + r.asString()).isEqualTo(status);
        assertThat(r.contentType()).as(e.name()).startsWith("application/problem+json");
        assertThat(r.asString()).doesNotContain("Exception").doesNotContain("\tat ");
        // a refusal says what kind it is and what to do about it
        assertThat(r.jsonPath().getString("type")).as(e.name()).startsWith("https://claimledger.org/problems/");
        assertThat(r.jsonPath().getString("detail")).as(e.name()).isNotBlank();
    }

    private String recordedBy(String stream) {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                SELECT meta_data ->> 'recordedBy' FROM domain_event_entry WHERE aggregate_identifier = ?
                 ORDER BY sequence_number DESC LIMIT 1""")) {
            ps.setString(1, stream);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Map<String, Object> claimBody(String id, String proposition, boolean value) {
        return new java.util.HashMap<>(Map.of("id", id, "propositionId", proposition, "stance", "asserts",
                "value", Map.of("boolean", value)));
    }
}
