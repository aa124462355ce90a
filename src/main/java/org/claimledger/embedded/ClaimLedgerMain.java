package org.claimledger.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;

/**
 * Starts the ledger. With no PostgreSQL configured ({@code QUARKUS_DATASOURCE_JDBC_URL} unset) it
 * first starts an embedded server on the data directory ({@code CLAIMLEDGER_DATA_DIR}, default
 * {@code data/}), so a bare machine with only a JDK runs the service and keeps what it is told.
 */
@QuarkusMain
public class ClaimLedgerMain {

    public static void main(String... args) {
        if (externalDatabaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        Path dataDir = Path.of(setting("CLAIMLEDGER_DATA_DIR", "claimledger.data-dir", "data")).resolve("postgres");
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
        postgres.datasourceConfig().forEach(System::setProperty);
        EmbeddedServers.register(postgres);
        Quarkus.run(args);
    }

    static boolean externalDatabaseConfigured() {
        return setting("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url", null) != null;
    }

    private static String setting(String env, String property, String fallback) {
        String fromProperty = System.getProperty(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv(env);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }
}
