package org.claimledger.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.claimledger.common.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives every client error the same shape: {@code errors: [{field, message}]}. The problem library
 * reports JSON that does not bind with a single {@code field}, bean validation with {@code violations};
 * both become {@code errors}. Server errors say nothing of their cause.
 */
@ApplicationScoped
public class ErrorsPostProcessor implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        Map<String, Object> params = problem.getParameters();
        if (problem.getStatusCode() >= 500) {
            return HttpProblem.builder().withStatus(problem.getStatusCode()).withTitle(problem.getTitle())
                    .withDetail("The ledger could not complete the request; nothing was recorded unless it said so.")
                    .withInstance(problem.getInstance()).build();
        }
        if (params.containsKey("errors")) {
            return problem;
        }
        List<FieldError> errors = new ArrayList<>();
        Object field = params.get("field");
        if (field != null) {
            errors.add(new FieldError(field.toString(), problem.getDetail() == null ? "is invalid" : problem.getDetail()));
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

    @Override
    public int priority() {
        return 0;
    }
}
