package org.claimledger.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/**
 * Nothing a client sends can corrupt the ledger or take it down: crafted bad requests across the
 * endpoints, each answered 4xx problem+json, never 5xx, never a stack trace, and the event table
 * unchanged.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> INJECTIONS = List.of("x'); DROP TABLE domain_event_entry;--", "1 OR 1=1",
            "<script>alert(1)</script>", "../../etc/passwd", "%2e%2e%2fetc%2fpasswd", "${jndi:ldap://127.0.0.1/a}",
            "\u0000", "a\nb", "A".repeat(300));

    @Inject
    DataSource dataSource;

    String source;
    String proposition;
    String claim;

    /** A hostile request: its name, method, path, content type and raw body bytes. */
    record Hostile(String name, String method, String path, String contentType, byte[] body) {
    }

    @BeforeEach
    void ledger() {
        String city = unique("city");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        proposition = city + "/q";
        post("/api/propositions", Api.proposition(proposition, city, "boolean")).statusCode(201);
        source = unique("source");
        post("/api/sources", Api.source(source)).statusCode(201);
        claim = source + "/c";
        post("/api/sources/" + source + "/claims", Map.of("id", claim, "propositionId", proposition,
                "stance", "asserts", "value", Map.of("boolean", true))).statusCode(201);
    }

    List<Hostile> requests() {
        List<Hostile> all = new ArrayList<>();
        String claims = "/api/sources/" + source + "/claims";
        String validClaim = "{\"id\":\"" + source + "/n\",\"propositionId\":\"" + proposition
                + "\",\"stance\":\"asserts\",\"value\":{\"boolean\":true}}";
        String validSource = "{\"id\":\"" + unique("s") + "\",\"title\":\"t\",\"kind\":\"press\"}";
        Map<String, String> writes = Map.of(
                "/api/sources", validSource,
                claims, validClaim,
                "/api/entities", "{\"id\":\"" + unique("e") + "\",\"labels\":{\"en\":\"E\"}}",
                "/api/propositions", "{\"id\":\"" + unique("p") + "\",\"subject\":\"x\",\"predicate\":\"p\",\"valueType\":\"boolean\"}",
                "/api/sources/" + source + "/assessments", "{\"grade\":\"B\",\"rationale\":\"r\"}",
                "/api/imports", "{\"files\":{\"c/entities.yaml\":\"schemaVersion: 1\\nentities: []\\n\"}}");
        for (Map.Entry<String, String> w : writes.entrySet()) {
            String path = w.getKey();
            String good = w.getValue();
            all.add(json("malformed JSON " + path, "POST", path, good.substring(0, good.length() / 2)));
            all.add(json("not an object " + path, "POST", path, "[1,2,3]"));
            all.add(json("a bare string " + path, "POST", path, "\"hello\""));
            all.add(json("empty body " + path, "POST", path, ""));
            all.add(json("unknown field " + path, "POST", path, good.replaceFirst("\\{", "{\"isAdmin\":true,")));
            all.add(json("duplicate key " + path, "POST", path, good.replaceFirst("\\{", "{\"x\":1,\"x\":2,")));
            all.add(json("trailing garbage " + path, "POST", path, good + "}}}"));
            all.add(new Hostile("broken UTF-8 " + path, "POST", path, "application/json",
                    concat(good.substring(0, good.length() - 2).getBytes(StandardCharsets.UTF_8),
                            new byte[]{(byte) 0xC3, (byte) 0x28, '"', '}'})));
            all.add(json("deeply nested " + path, "POST", path, "[".repeat(5000) + "]".repeat(5000)));
            all.add(new Hostile("wrong content type " + path, "POST", path, "text/plain",
                    good.getBytes(StandardCharsets.UTF_8)));
        }
        for (String injected : INJECTIONS) {
            String quoted = injected.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\u0000", "\\u0000");
            all.add(json("injection in a source id: " + injected, "POST", "/api/sources",
                    "{\"id\":\"" + quoted + "\",\"title\":\"t\",\"kind\":\"press\"}"));
            all.add(json("injection in a claim's proposition: " + injected, "POST", claims,
                    "{\"id\":\"" + source + "/i\",\"propositionId\":\"" + quoted + "\",\"stance\":\"asserts\",\"value\":{\"boolean\":true}}"));
            all.add(json("injection in an enum: " + injected, "POST", claims,
                    "{\"id\":\"" + source + "/i\",\"propositionId\":\"" + proposition + "\",\"stance\":\"" + quoted + "\",\"value\":{\"boolean\":true}}"));
        }
        all.add(json("path traversal in a source id", "POST", "/api/sources/..%2F..%2Fetc%2Fpasswd/assessments",
                "{\"grade\":\"B\",\"rationale\":\"r\"}"));
        all.add(json("a value of the wrong type", "POST", claims,
                "{\"id\":\"" + source + "/w\",\"propositionId\":\"" + proposition + "\",\"stance\":\"asserts\",\"value\":{\"date\":\"1945\"}}"));
        all.add(json("a number too large", "POST", claims,
                "{\"id\":\"" + source + "/w\",\"propositionId\":\"" + proposition + "\",\"stance\":\"asserts\",\"value\":{\"min\":1e400,\"max\":1,\"unit\":\"x\"}}"));
        all.add(json("an oversized quote", "POST", claims,
                "{\"id\":\"" + source + "/w\",\"propositionId\":\"" + proposition + "\",\"stance\":\"asserts\",\"value\":{\"boolean\":true},\"quote\":\"" + "q".repeat(20_000) + "\",\"quoteLanguage\":\"en\"}"));
        all.add(json("a batch too large", "POST", claims, "{\"claims\":[" + String.join(",", java.util.Collections.nCopies(1001, validClaim)) + "]}"));
        all.add(json("a stale If-Match", "POST", "/api/sources/" + source + "/claims/" + claim + "/withdrawal",
                "{\"reason\":\"r\"}"));
        all.add(json("a bad language tag", "POST", "/api/sources", "{\"id\":\"" + unique("s") + "\",\"title\":\"t\",\"kind\":\"press\",\"language\":\"not a tag!\"}"));
        all.add(json("min above max", "POST", claims,
                "{\"id\":\"" + source + "/w\",\"propositionId\":\"" + proposition + "\",\"stance\":\"asserts\",\"value\":{\"min\":9,\"max\":1,\"unit\":\"x\"}}"));
        all.add(json("an impossible date", "POST", "/api/sources", "{\"id\":\"" + unique("s") + "\",\"title\":\"t\",\"kind\":\"press\",\"published\":\"1945-02-30\"}"));
        all.add(json("null everywhere", "POST", "/api/sources", "{\"id\":null,\"title\":null,\"kind\":null,\"authors\":null}"));
        all.add(json("import path traversal", "POST", "/api/imports", "{\"files\":{\"../../etc/passwd\":\"x\"}}"));
        all.add(json("import YAML alias bomb", "POST", "/api/imports", "{\"files\":{\"c/entities.yaml\":\""
                + "a: &a [x,x,x,x,x,x,x,x,x]\\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\\n\"}}"));
        all.add(json("bad query parameters", "GET", "/api/propositions?limit=-1&status=maybe", null));
        all.add(json("a bad cursor", "GET", "/api/disputes?cursor=%27%20OR%201%3D1", null));
        all.add(json("a bad asOf", "GET", "/api/propositions/" + proposition + "?asOf=1%27%20OR%20%271%27%3D%271", null));
        return all;
    }

    @Test
    void every_hostile_request_is_answered_4xx_problem_json_and_writes_nothing() {
        List<Hostile> requests = requests();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(60);
        long before = Api.events(dataSource);
        List<String> failures = new ArrayList<>();
        for (Hostile h : requests) {
            var request = given().urlEncodingEnabled(false).contentType(h.contentType())
                    .accept("application/json, application/problem+json");
            if (h.name().startsWith("a stale If-Match")) {
                request.header("If-Match", "\"99\"");
            }
            if (h.body() != null) {
                request.body(h.body());
            }
            Response r = h.method().equals("GET") ? request.get(h.path()) : request.post(h.path());
            String body = r.asString();
            if (r.statusCode() < 400 || r.statusCode() >= 500) {
                failures.add(h.name() + ": " + r.statusCode() + " " + abbreviate(body));
            } else if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                failures.add(h.name() + ": content type " + r.contentType());
            } else if (body.contains("Exception") || body.contains("\tat ") || body.contains("org.claimledger")) {
                failures.add(h.name() + ": leaks internals: " + abbreviate(body));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(Api.events(dataSource)).isEqualTo(before);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void a_body_over_10_mb_is_refused_before_it_is_read() throws Exception {
        long before = Api.events(dataSource);
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/sources HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + org.claimledger.testing.TestTokens.everything() + "\r\n"
                    + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n{\"id\":\"big\",\"title\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
        assertThat(Api.events(dataSource)).isEqualTo(before);
    }

    @Test
    void injection_strings_in_text_are_just_text_stored_exactly() {
        String id = unique("careful");
        String title = "Robert'); DROP TABLE domain_event_entry;-- <script>alert(1)</script>";
        post("/api/sources", Map.of("id", id, "title", title, "kind", "press")).statusCode(201);
        org.awaitility.Awaitility.await().untilAsserted(() ->
                assertThat(given().get("/api/sources/" + id).jsonPath().getString("title")).isEqualTo(title));
    }

    static Hostile json(String name, String method, String path, String body) {
        return new Hostile(name, method, path, "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
