package org.claimledger.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when Axon runs and the event store answers a read: otherwise writes could not be kept. */
@Readiness
@ApplicationScoped
public class EventStoreReadiness implements HealthCheck {

    @Inject
    AxonLedger ledger;

    @Inject
    Projections projections;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("event-store");
        if (!ledger.isRunning()) {
            return response.down().withData("reason", "Axon is not running").build();
        }
        try {
            long head = projections.head();
            return response.up().withData("head", head).build();
        } catch (RuntimeException e) {
            return response.down().withData("reason", "the event store does not answer").build();
        }
    }
}
