package org.claimledger.embedded;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * Servers the process started before Quarkus (embedded PostgreSQL, later Kafka): stopped after
 * everything else has shut down, so Axon's processors finish their last transactions first.
 */
@ApplicationScoped
public class EmbeddedServers {

    private static final List<AutoCloseable> STARTED = new ArrayList<>();

    static synchronized void register(AutoCloseable server) {
        STARTED.add(server);
    }

    void stopLast(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        closeAll();
    }

    static synchronized void closeAll() {
        for (int i = STARTED.size() - 1; i >= 0; i--) {
            try {
                STARTED.get(i).close();
            } catch (Exception e) {
                org.jboss.logging.Logger.getLogger(EmbeddedServers.class).warn("could not stop embedded server", e);
            }
        }
        STARTED.clear();
    }
}
