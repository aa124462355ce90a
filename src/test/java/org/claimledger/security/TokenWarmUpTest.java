package org.claimledger.security;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Token verification is warmed when the service starts, by nothing but the start, and not on the event loop. */
@QuarkusTest
class TokenWarmUpTest {

    @Inject
    TokenWarmUp warmUp;

    @Test
    void a_throwaway_token_is_verified_at_start_up_on_a_thread_that_is_not_an_event_loop() {
        await().atMost(TokenWarmUp.LONGEST).until(() -> warmUp.warmed() != null);
        TokenWarmUp.Warmed warmed = warmUp.warmed();

        assertThat(warmed.verified()).as("the token passed the service's own verifier and checks").isTrue();
        assertThat(warmed.onEventLoop()).isFalse();
        assertThat(warmed.thread()).isEqualTo("token-warm-up").doesNotContain("eventloop");
        assertThat(warmed.verification()).isPositive();
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'token-verification' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'token-verification' }.data.warmed", equalTo(true));
    }
}
