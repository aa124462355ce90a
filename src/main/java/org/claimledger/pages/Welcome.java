package org.claimledger.pages;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

/** Says where to point a browser once the service listens, so a new user need not read the log's details. */
@ApplicationScoped
public class Welcome {

    private static final Logger LOG = Logger.getLogger(Welcome.class);

    void listening(@ObservesAsync HttpServerStart start) {
        int port = start.options().getPort();
        if (port <= 0) {
            return; // a random port (tests): whoever chose it knows it
        }
        String host = start.options().getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        LOG.infof("Open http://%s:%d/ in a browser to read the ledger: the dispute board, every question, every source.",
                host, port);
    }
}
