package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document says what the service does: every call named and described, its bodies
 * typed, every status it answers listed with a problem+json body for refusals, its headers, the
 * stream as text/event-stream, the bearer token on writes. (Every API test's answers are checked
 * against the same document as they arrive: ResponsesKeepTheContract.)
 */
@QuarkusTest
class ContractTest {

    @Test
    @SuppressWarnings("unchecked")
    void every_call_is_named_described_typed_and_lists_its_refusals() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("openapi")).isEqualTo("3.0.3");
        assertThat(doc.getMap("components.securitySchemes.bearer")).containsEntry("scheme", "bearer");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> faults = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                if (!(operation.get("operationId") instanceof String id) || !ids.add(id)) {
                    faults.add(where + ": no operationId of its own");
                }
                if (!(operation.get("description") instanceof String d) || d.isBlank()) {
                    faults.add(where + ": no description");
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                for (String status : List.of("401", "403", "429", "503")) {
                    if (!responses.containsKey(status)) {
                        faults.add(where + ": " + status + " not listed");
                    }
                }
                if (path.getKey().contains("{") && !responses.containsKey("404")) {
                    faults.add(where + ": 404 not listed");
                }
                boolean write = !op.getKey().equals("get");
                if (write && !responses.containsKey("409")) {
                    faults.add(where + ": 409 not listed");
                }
                List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
                if (write && (security == null || security.stream().anyMatch(Map::isEmpty))) {
                    faults.add(where + ": a write without the bearer token");
                }
                responses.forEach((status, response) -> {
                    Object content = response.get("content");
                    if (status.startsWith("2") && !where.endsWith("/rebuild") && content == null) {
                        faults.add(where + ": " + status + " has no body type");
                    }
                    if (content instanceof Map<?, ?> media) {
                        media.values().forEach(m -> {
                            Object schema = ((Map<String, Object>) m).get("schema");
                            if (schema == null || (schema instanceof Map<?, ?> s && s.isEmpty())) {
                                faults.add(where + ": " + status + " has an untyped body");
                            }
                        });
                    }
                });
                if (op.getKey().equals("post") && operation.get("requestBody") == null && !where.endsWith("/rebuild")) {
                    faults.add(where + ": no request body type");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(23);
        assertThat(faults).isEmpty();

        // refusals: problem+json, with Retry-After where waiting helps
        Map<String, Map<String, Object>> refusals = doc.getMap("components.responses");
        for (String status : List.of("BadRequest", "NotFound", "Conflict", "PreconditionFailed", "ContentTooLarge",
                "UnprocessableContent", "TooManyRequests", "Unavailable")) {
            assertThat(refusals.get(status).get("content").toString()).contains("application/problem+json");
        }
        assertThat(doc.getMap("components.responses.TooManyRequests.headers")).containsKey("Retry-After");
        assertThat(doc.getMap("components.responses.Unavailable.headers")).containsKey("Retry-After");

        // the stream, the headers of a write and of a read
        assertThat(doc.getMap("paths.'/api/streams/claims'.get.responses.'200'.content")).containsKey("text/event-stream");
        assertThat(doc.getMap("paths.'/api/sources'.post.responses.'201'.headers")).containsKeys("Location", "ETag");
        assertThat(doc.getMap("paths.'/api/sources/{id}'.get.responses.'200'.headers")).containsKeys("ETag", "Cache-Control");
        assertThat(doc.getMap("paths.'/api/sources/{id}'.get.responses")).containsKey("304");
        assertThat(doc.getString("paths.'/api/sources/{sourceId}/claims'.post.requestBody.content.'application/json'.schema.oneOf"))
                .contains("ClaimInput").contains("ClaimBatch");
    }
}
