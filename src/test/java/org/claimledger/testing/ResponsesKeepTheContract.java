package org.claimledger.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every answer an API test receives against the OpenAPI document the service itself serves
 * at {@code /q/openapi}: its status must be listed for the operation, its headers and body must fit
 * what is listed. Requests are not checked (tests send bad ones on purpose). A mismatch fails the
 * test that saw it, so the document and the service cannot drift apart.
 */
public final class ResponsesKeepTheContract implements Filter {

    public static final ResponsesKeepTheContract FILTER = new ResponsesKeepTheContract();

    /** One validator per running service (a test profile restarts it on another port). */
    private final ConcurrentHashMap<Integer, OpenApiValidationFilter> byPort = new ConcurrentHashMap<>();

    private ResponsesKeepTheContract() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String path = URI.create(request.getURI()).getPath();
        if (!path.startsWith("/api/") || path.startsWith("/api/streams/claims")) {
            return context.next(request, response);
        }
        Response answer = byPort.computeIfAbsent(request.getPort(), ResponsesKeepTheContract::validatorFor)
                .filter(request, response, context);
        wellFormedRdf(answer);
        return answer;
    }

    /**
     * The validator checks the status and headers of a Turtle or N-Quads answer but cannot read its
     * body (a JSON-LD body it checks against the document's schema): such a body must at least parse
     * as what it says it is.
     */
    private static void wellFormedRdf(Response answer) {
        String type = answer.getContentType() == null ? "" : answer.getContentType();
        org.apache.jena.riot.Lang lang = type.startsWith("text/turtle") ? org.apache.jena.riot.Lang.TURTLE
                : type.startsWith("application/n-quads") ? org.apache.jena.riot.Lang.NQUADS
                : type.startsWith("application/ld+json") ? org.apache.jena.riot.Lang.JSONLD : null;
        if (lang == null || answer.getStatusCode() != 200) {
            return;
        }
        try {
            org.apache.jena.riot.RDFParser.fromString(answer.asString(), lang)
                    .parse(org.apache.jena.riot.system.StreamRDFLib.sinkNull());
        } catch (org.apache.jena.riot.RiotException e) {
            throw new AssertionError("a " + type + " answer does not parse as " + lang.getName() + ": " + e.getMessage(), e);
        }
    }

    private static OpenApiValidationFilter validatorFor(int port) {
        String document;
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            document = answer.body();
        } catch (Exception e) {
            throw new IllegalStateException("the service's OpenAPI document could not be read", e);
        }
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response", ValidationReport.Level.ERROR)
                        .build())
                .build());
    }
}
