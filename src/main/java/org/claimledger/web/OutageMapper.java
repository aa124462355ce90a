package org.claimledger.web;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.ext.Provider;
import org.claimledger.common.Rejection;
import org.jboss.logging.Logger;

import java.net.URI;

/**
 * What no other mapper names: an outage of the database is a 503 with {@code Retry-After} (nothing
 * was written, the client may send it again); a client that left is logged as its own doing (499),
 * not as our error; anything else is a 500 that tells the client nothing of our insides, with the
 * stack trace in our log only.
 */
@Provider
public class OutageMapper extends ExceptionMapperBase<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(OutageMapper.class);

    /** What proxies log for a client that left before its answer (nginx's 499): a client's doing, not ours. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    @Override
    protected HttpProblem toProblem(RuntimeException e) {
        if (Outages.databaseAway(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return RejectionMapper.problemOf(Rejection.unavailable(
                    "the ledger's database cannot be reached just now; nothing was written; try again"));
        }
        if (Outages.clientGone(e)) {
            // nobody is left to read this answer; not an error of ours, so not logged as one
            LOG.debugf("the client left before its answer: %s", e.toString());
            return HttpProblem.builder()
                    .withType(URI.create("https://claimledger.org/problems/client-closed"))
                    .withStatus(CLIENT_CLOSED_REQUEST)
                    .withTitle("Client Closed Request")
                    .build();
        }
        LOG.error("request failed", e);
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/internal"))
                .withStatus(500)
                .withTitle("Internal Server Error")
                .withDetail("the ledger failed to answer this request; it has been logged")
                .build();
    }
}
