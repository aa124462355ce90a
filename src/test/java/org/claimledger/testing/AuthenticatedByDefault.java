package org.claimledger.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.util.List;

/**
 * Every test request carries a token with every role, unless it sets its own or a test clears this;
 * every answer from the API is checked against the OpenAPI document ({@link ResponsesKeepTheContract}).
 */
public class AuthenticatedByDefault implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        String token = TestTokens.everything();
        Filter bearer = (request, response, ctx) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + token);
            }
            return ctx.next(request, response);
        };
        RestAssured.replaceFiltersWith(List.of(bearer, ResponsesKeepTheContract.FILTER));
    }
}
