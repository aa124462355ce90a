package org.claimledger.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.claimledger.common.FieldError;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives every client error the same shape: {@code errors: [{field, message}]}. The problem library
 * reports JSON that does not bind with a single {@code field}, bean validation with {@code violations};
 * both become {@code errors}. Server errors say nothing of their cause, unless they are our own
 * problems (an outage, a shutdown), whose words and headers ({@code Retry-After}) are written for clients.
 */
@ApplicationScoped
public class ErrorsPostProcessor implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        Map<String, Object> params = problem.getParameters();
        if (problem.getStatusCode() >= 500 && !ours(problem)) {
            return HttpProblem.builder().withStatus(problem.getStatusCode()).withTitle(problem.getTitle())
                    .withDetail("The ledger could not complete the request; nothing was recorded unless it said so.")
                    .withInstance(problem.getInstance()).build();
        }
        // a role check refused before our mappers were reached (RESTEasy's own security check) still
        // says what kind of refusal it is and what to do
        if (problem.getStatusCode() == 403 && !ours(problem)) {
            return AuthProblems.forbidden();
        }
        if (problem.getStatusCode() == 401 && !ours(problem)) {
            return AuthProblems.unauthorizedProblem();
        }
        if (params.containsKey("errors")) {
            return problem;
        }
        JsonProcessingException unreadable = jsonCause(context.cause);
        if (unreadable != null && !params.containsKey("field")) {
            return unreadableBody(problem, unreadable);
        }
        List<FieldError> errors = new ArrayList<>();
        Object field = params.get("field");
        if (field != null) {
            String detail = safe(problem.getDetail());
            errors.add(new FieldError(field.toString(), detail == null ? "is invalid" : detail));
            problem = HttpProblem.builder(problem).withDetail(field + ": " + detail).build();
        }
        Object violations = params.get("violations");
        if (violations instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof io.quarkiverse.resteasy.problem.validation.Violation violation) {
                    errors.add(new FieldError(violation.field, violation.message));
                }
            }
        }
        if (errors.isEmpty()) {
            return problem;
        }
        return HttpProblem.builder(problem).with("errors", errors).build();
    }

    private static boolean ours(HttpProblem problem) {
        return problem.getType() != null && problem.getType().toString().startsWith("https://claimledger.org/problems/");
    }

    /** The body is not JSON at all, or not the JSON expected: say where, and what the parser saw. */
    private static HttpProblem unreadableBody(HttpProblem problem, JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce("", String::concat).replaceFirst("^\\.", "");
        }
        String message = e instanceof JsonMappingException ? safe(e.getOriginalMessage()) : e.getOriginalMessage();
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        String kind = e instanceof JsonMappingException ? "has the wrong shape: " : "is not valid JSON: ";
        return HttpProblem.builder()
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(field + " " + kind + message)
                .withInstance(problem.getInstance())
                .with("errors", List.of(new FieldError(field, kind + message)))
                .build();
    }

    /** Jackson names Java types in its messages; a client learns the shape it got wrong, not our classes. */
    static String safe(String message) {
        if (message == null) {
            return null;
        }
        return message.replaceAll("`[^`]*`", "the expected type")
                .replace("(although at least one Creator exists)", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static JsonProcessingException jsonCause(Throwable t) {
        for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    @Override
    public int priority() {
        return 0;
    }
}
