package org.claimledger.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while token verification is being warmed, so the first callers do not pay for it on the event loop. */
@Readiness
@ApplicationScoped
public class TokenWarmUpReadiness implements HealthCheck {

    @Inject
    TokenWarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("token-verification");
        if (!warmUp.waitedFor()) {
            return response.down().withData("reason", "warming token verification").build();
        }
        TokenWarmUp.Warmed warmed = warmUp.warmed();
        return response.up().withData("warmed", warmed != null && warmed.verified()).build();
    }
}
