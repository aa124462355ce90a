package org.claimledger.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.Provider;

/**
 * Bodies that are not JSON, or not JSON of the expected shape, answered as problem+json naming the
 * field (the framework's own mappers would answer an empty 400). {@link ErrorsPostProcessor} fills
 * in {@code errors} from the Jackson exception.
 */
public final class JsonInputMappers {

    private JsonInputMappers() {
    }

    private static HttpProblem badRequest() {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").build();
    }

    @Provider
    @Priority(1)
    public static class Mismatched extends ExceptionMapperBase<MismatchedInputException> {
        @Override
        protected HttpProblem toProblem(MismatchedInputException exception) {
            return badRequest();
        }
    }

    @Provider
    @Priority(1)
    public static class Unparseable extends ExceptionMapperBase<JsonParseException> {
        @Override
        protected HttpProblem toProblem(JsonParseException exception) {
            return badRequest();
        }
    }
}
