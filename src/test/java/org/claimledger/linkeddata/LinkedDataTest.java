package org.claimledger.linkeddata;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's linked data read as a consumer reads it (issue 19, part 4): every format parsed with
 * Apache Jena, validated against the SHACL shapes the ledger serves, and counted against the read models.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkedDataTest {

    static final String PROV = Vocabulary.PROV;
    static final String SCHEMA = Vocabulary.SCHEMA;
    static final Node TYPE = uri(Vocabulary.TYPE);

    @Inject
    DataSource dataSource;

    Shapes shapes;
    String city;
    String question;
    String otherQuestion;
    String original;
    String retelling;
    String withdrawnClaim;
    String liveClaim;

    /** A city with a Wikidata id, two questions about it, a source and its retelling; the original retracted, one claim withdrawn. */
    boolean written;

    /** Written once, from the first test (the token every request carries is set before each test, not before all). */
    void ledger() throws Exception {
        if (written) {
            return;
        }
        written = true;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/linkeddata/ledger-shapes.ttl")) {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            shapes = Shapes.parse(g);
        }
        city = unique("ld-city");
        post("/api/entities", Map.of("id", city, "labels", Map.of("pl", "Kraków", "en", "Cracow"),
                "aliases", List.of("Krakau"), "wikidata", "Q31487")).statusCode(201);
        question = city + "/taken-intact";
        otherQuestion = city + "/fell-on";
        post("/api/propositions", Api.proposition(question, city, "boolean")).statusCode(201);
        post("/api/propositions", Api.proposition(otherQuestion, city, "date")).statusCode(201);
        original = unique("ld-original");
        retelling = unique("ld-retelling");
        post("/api/sources", Api.source(original)).statusCode(201);
        post("/api/sources", Map.of("id", retelling, "title", "A retelling </script> of " + original,
                "authors", List.of("B. Reteller"), "kind", "press", "published", "1969-05", "language", "pl",
                "origin", "independent", "derivedFrom", List.of(original))).statusCode(201);
        withdrawnClaim = original + "/intact";
        liveClaim = retelling + "/intact";
        post("/api/sources/" + original + "/claims", Map.of("id", withdrawnClaim, "propositionId", question,
                "stance", "asserts", "value", Map.of("boolean", true), "quote", "Kraków ocalał \"cały\"",
                "quoteLanguage", "pl", "locator", "p. 3")).statusCode(201);
        post("/api/sources/" + retelling + "/claims", Map.of("id", liveClaim, "propositionId", question,
                "stance", "asserts", "value", Map.of("boolean", true), "quote", "line one\nline two",
                "quoteLanguage", "pl")).statusCode(201);
        post("/api/sources/" + retelling + "/claims", Map.of("id", retelling + "/fell", "propositionId", otherQuestion,
                "stance", "asserts", "value", Map.of("date", "1945-01-18"))).statusCode(201);
        Api.json().body(Map.of("reason", "recorded against the wrong question")).post("/api/sources/" + original
                + "/claims/" + withdrawnClaim + "/withdrawal").then().statusCode(200);
        Api.json().body(Map.of("reason", "shown to be forged", "date", "1983-05-06"))
                .post("/api/sources/" + original + "/retraction").then().statusCode(201);
        // the retelling rests only on the retracted original: its line weighs nothing
        Api.awaitVerdict(otherQuestion, "discredited");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                scalar("SELECT count(*) FROM claim_view WHERE withdrawn AND id = '" + withdrawnClaim + "'") == 1
                        && scalar("SELECT count(*) FROM source_view WHERE retraction IS NOT NULL AND id = '" + original + "'") == 1
                        && scalar("SELECT count(*) FROM verdict_view WHERE proposition_id = '" + question + "'") == 1);
    }

    @Test
    void every_export_format_parses_conforms_to_the_shapes_and_says_the_same() throws Exception {
        ledger();
        Graph jsonLd = export(city, "application/ld+json", Lang.JSONLD);
        Graph turtle = export(city, "text/turtle", Lang.TURTLE);
        Graph nquads = export(city, "application/n-quads", Lang.NQUADS);
        for (Graph g : List.of(jsonLd, turtle, nquads)) {
            conforms(g);
        }
        assertTrue(jsonLd.isIsomorphicWith(turtle), "JSON-LD and Turtle say the same");
        assertTrue(turtle.isIsomorphicWith(nquads), "Turtle and N-Quads say the same");
        assertTrue(jsonLd.size() > 30, "the subject's export says something: " + jsonLd.size());
    }

    @Test
    void a_withdrawn_claim_and_a_retracted_source_are_invalidated_and_the_entity_is_the_same_as_on_wikidata() throws Exception {
        ledger();
        Graph g = export(city, "application/n-quads", Lang.NQUADS);
        String base = baseOf(g);
        Node claim = uri(base + "/api/sources/" + original + "/claims/" + withdrawnClaim);
        Node source = uri(base + "/api/sources/" + original);
        Node live = uri(base + "/api/sources/" + retelling + "/claims/" + liveClaim);
        Node invalidated = uri(PROV + "wasInvalidatedBy");
        assertTrue(g.contains(claim, invalidated, Node.ANY), "the withdrawn claim is invalidated");
        assertTrue(g.contains(source, invalidated, Node.ANY), "the retracted source is invalidated");
        assertFalse(g.contains(live, invalidated, Node.ANY), "a live claim is not");
        Node withdrawal = g.find(claim, invalidated, Node.ANY).next().getObject();
        assertTrue(g.contains(withdrawal, uri(Vocabulary.COMMENT),
                NodeFactory.createLiteralString("recorded against the wrong question")));
        Node retraction = g.find(source, invalidated, Node.ANY).next().getObject();
        assertTrue(g.contains(retraction, uri(Vocabulary.COMMENT), NodeFactory.createLiteralString("shown to be forged")));
        assertTrue(g.contains(uri(base + "/api/entities/" + city), uri(Vocabulary.SAME_AS),
                uri("http://www.wikidata.org/entity/Q31487")));
        assertTrue(g.contains(uri(base + "/api/sources/" + retelling), uri(PROV + "wasDerivedFrom"), source));
        assertTrue(g.contains(live, uri(PROV + "wasDerivedFrom"), uri(base + "/api/sources/" + retelling)));
        assertTrue(g.contains(live, uri(SCHEMA + "text"), NodeFactory.createLiteralLang("line one\nline two", "pl")));
    }

    @Test
    void a_subject_export_holds_only_that_subjects_propositions_their_claims_and_sources() throws Exception {
        ledger();
        Graph g = export(city, "text/turtle", Lang.TURTLE);
        String base = baseOf(g);
        Set<String> propositions = subjectsOf(g, SCHEMA + "ClaimReview", SCHEMA + "itemReviewed");
        assertEquals(Set.of(base + "/api/propositions/" + question, base + "/api/propositions/" + otherQuestion), propositions);
        Set<String> claims = typed(g, PROV + "Entity", SCHEMA + "Claim");
        assertEquals(Set.of(base + "/api/sources/" + original + "/claims/" + withdrawnClaim,
                base + "/api/sources/" + retelling + "/claims/" + liveClaim,
                base + "/api/sources/" + retelling + "/claims/" + retelling + "/fell"), claims);
        assertEquals(Set.of(base + "/api/sources/" + original, base + "/api/sources/" + retelling),
                typed(g, SCHEMA + "CreativeWork"));
        given().accept("text/turtle").get("/api/export?subject=no-such-" + city).then().statusCode(404);
    }

    /** The whole ledger, parsed back: as many sources, claims, derivations and ClaimReviews as the read models hold. */
    @Test
    void the_whole_ledger_round_trips() throws Exception {
        ledger();
        for (String[] format : new String[][]{{"application/n-quads", "N-Quads"}, {"application/ld+json", "JSON-LD"}}) {
            Graph g = export(null, format[0], format[0].contains("json") ? Lang.JSONLD : Lang.NQUADS);
            long sources = scalar("SELECT count(*) FROM source_view");
            long claims = scalar("SELECT count(*) FROM claim_view");
            long derivations = scalar("SELECT coalesce(sum(jsonb_array_length(derived_from)), 0) FROM source_view")
                    + claims + scalar("SELECT count(*) FROM claim_view WHERE via IS NOT NULL AND via <> source_id");
            long verdicts = scalar("SELECT count(*) FROM verdict_view");
            assertTrue(claims >= 3 && sources >= 2 && verdicts >= 2);
            assertEquals(sources, typed(g, SCHEMA + "CreativeWork").size(), format[1] + ": sources");
            assertEquals(claims, typed(g, PROV + "Entity", SCHEMA + "Claim").size(), format[1] + ": claims");
            assertEquals(derivations, g.find(Node.ANY, uri(PROV + "wasDerivedFrom"), Node.ANY).toList().size(),
                    format[1] + ": derivations");
            assertEquals(verdicts, typed(g, SCHEMA + "ClaimReview").size(), format[1] + ": verdicts");
            conforms(g);
        }
    }

    @Test
    void a_source_a_claim_and_a_proposition_answer_json_ld_when_asked_and_json_otherwise() throws Exception {
        ledger();
        for (String path : List.of("/api/sources/" + retelling, "/api/sources/" + original + "/claims/" + withdrawnClaim,
                "/api/propositions/" + question)) {
            Response answer = given().accept("application/ld+json").get(path);
            assertEquals(200, answer.statusCode(), path);
            assertTrue(answer.contentType().startsWith("application/ld+json"), answer.contentType());
            assertTrue(answer.header("ETag") != null, "tagged as every read");
            assertEquals("Accept", answer.header("Vary"), "a cache keeps JSON and JSON-LD apart");
            Graph g = parse(answer.asString(), Lang.JSONLD);
            conforms(g);
            assertTrue(g.contains(uri(baseOf(g) + path), TYPE, Node.ANY), path + " describes itself at its own URL");
            given().get(path).then().statusCode(200).contentType("application/json");
            given().accept("*/*").get(path).then().statusCode(200).contentType("application/json");
        }
        Graph proposition = parse(given().accept("application/ld+json").get("/api/propositions/" + question).asString(), Lang.JSONLD);
        assertEquals(1, typed(proposition, SCHEMA + "ClaimReview").size());
        given().accept("application/ld+json").get("/api/propositions/" + question + "?publishedBefore=1970")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void the_question_page_embeds_its_claim_review() throws Exception {
        ledger();
        String html = given().accept("text/html").get("/propositions/" + question).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "the page has a JSON-LD script");
        Graph g = parse(m.group(1), Lang.JSONLD);
        conforms(g);
        Set<String> reviewed = subjectsOf(g, SCHEMA + "ClaimReview", SCHEMA + "itemReviewed");
        assertEquals(Set.of(baseOf(g) + "/api/propositions/" + question), reviewed);
        assertFalse(m.find(), "one script, not ended early");
    }

    @Test
    void an_export_in_a_format_the_ledger_does_not_serve_is_refused() throws Exception {
        ledger();
        given().accept("text/html").get("/api/export").then().statusCode(406).contentType("application/problem+json");
        given().accept("application/rdf+xml").get("/api/export?subject=" + city).then().statusCode(406);
        given().accept("*/*").get("/api/export?subject=" + city).then().statusCode(200)
                .contentType("application/ld+json").header("Cache-Control", "no-store");
    }

    // --- reading as a consumer would ---

    Graph export(String subject, String accept, Lang lang) {
        Response answer = given().accept(accept).get("/api/export" + (subject == null ? "" : "?subject=" + subject));
        assertEquals(200, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith(accept), answer.contentType());
        return parse(answer.asString(), lang);
    }

    static Graph parse(String text, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(g);
        return g;
    }

    void conforms(Graph g) {
        ValidationReport report = ShaclValidator.get().validate(shapes, g);
        if (!report.conforms()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ShLib.printReport(new PrintStream(out, true, StandardCharsets.UTF_8), report);
            throw new AssertionError("the shapes are not met:\n" + out.toString(StandardCharsets.UTF_8));
        }
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** The ledger's base as the IRIs name it: with no public URL set, the request's own. */
    static String baseOf(Graph g) {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }

    static Set<String> typed(Graph g, String... types) {
        Set<String> out = new HashSet<>();
        g.find(Node.ANY, TYPE, uri(types[0])).forEachRemaining(t -> {
            for (String other : types) {
                if (!g.contains(t.getSubject(), TYPE, uri(other))) {
                    return;
                }
            }
            out.add(t.getSubject().getURI());
        });
        return out;
    }

    static Set<String> subjectsOf(Graph g, String type, String predicate) {
        Set<String> out = new HashSet<>();
        for (String node : typed(g, type)) {
            g.find(uri(node), uri(predicate), Node.ANY).forEachRemaining((Triple t) -> out.add(t.getObject().getURI()));
        }
        return out;
    }

    long scalar(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
