package org.claimledger.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.claimledger.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** With reads configured private, reading the ledger needs a token with any of its roles. */
@QuarkusTest
@TestProfile(PrivateReadsTest.PrivateReads.class)
class PrivateReadsTest {

    /** Reads need a token. */
    public static class PrivateReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimledger.auth.public-reads", "false");
        }
    }

    @Test
    void reads_need_a_token_with_a_role_when_configured_private() {
        RestAssured.replaceFiltersWith(List.of(org.claimledger.testing.ResponsesKeepTheContract.FILTER));
        given().get("/api/disputes").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.token("reader-1", "reader"))
                .get("/api/disputes").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.token("nobody", "guest"))
                .get("/api/disputes").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.token("reader-1", "reader"))
                .contentType("application/json").body("{\"id\":\"x\",\"title\":\"t\",\"kind\":\"press\"}")
                .post("/api/sources").then().statusCode(403);
        given().get("/q/health/ready").then().statusCode(200);
        // the pages show what the API does: closed too, but for their stylesheet
        given().get("/").then().statusCode(401).contentType("application/problem+json");
        given().get("/propositions/krakow-1945/demolition-prevented-by").then().statusCode(401);
        given().get("/sources/konev-1969-memoir").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.token("reader-1", "reader")).get("/").then().statusCode(200);
        given().get("/assets/ledger.css").then().statusCode(200);
    }
}
