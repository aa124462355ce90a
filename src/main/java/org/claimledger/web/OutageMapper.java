package org.claimledger.web;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.net.URI;

/**
 * What no other mapper names: an outage of the database is a 503 with {@code Retry-After} (nothing
 * was written, the client may send it again); anything else is a 500 that tells the client nothing
 * of our insides, with the stack trace in our log only.
 */
@Provider
public class OutageMapper extends ExceptionMapperBase<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(OutageMapper.class);

    /** Long enough for a restart of PostgreSQL or a failover to be under way. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    protected HttpProblem toProblem(RuntimeException e) {
        if (Outages.databaseAway(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return unavailable("the ledger's database cannot be reached just now; nothing was written; try again");
        }
        LOG.error("request failed", e);
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/internal"))
                .withStatus(500)
                .withTitle("Internal Server Error")
                .withDetail("the ledger failed to answer this request; it has been logged")
                .build();
    }

    static HttpProblem unavailable(String detail) {
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/unavailable"))
                .withStatus(503)
                .withTitle("Unavailable")
                .withDetail(detail)
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
