package org.claimledger.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.claimledger.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.util.Map;

/**
 * A real, durable PostgreSQL for the test run (the same embedded server the service starts by
 * default), in a fresh directory under target/. Started once for all {@code @QuarkusTest}s.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedPostgres.start(Path.of("target", "test-data", "pg-" + System.currentTimeMillis()));
        return postgres.datasourceConfig();
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
