package org.claimledger.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.claimledger.importing.ImportCommand;

import java.nio.file.Path;

/**
 * Starts the ledger, or with {@code import <folder> [--url <ledger>]} imports a corpus folder. With no PostgreSQL configured ({@code QUARKUS_DATASOURCE_JDBC_URL} unset) it
 * first starts an embedded server on the data directory ({@code CLAIMLEDGER_DATA_DIR}, default
 * {@code data/}), so a bare machine with only a JDK runs the service and keeps what it is told.
 */
@QuarkusMain
public class ClaimLedgerMain {

    public static void main(String... args) throws Exception {
        boolean importing = args.length > 0 && args[0].equals("import");
        if (importing && ImportCommand.url(args) != null) {
            // into a running ledger over HTTP: nothing to start here
            System.exit(new ImportCommand().run(args, System.out));
        }
        if (importing) {
            // into the local ledger: start it without HTTP traffic and without its own corpus loading
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("claimledger.corpus.load-into-empty-ledger", "false");
        }
        if (!externalDatabaseConfigured()) {
            startEmbeddedPostgres();
        }
        if (importing) {
            Quarkus.run(ImportCommand.class, args);
        } else {
            Quarkus.run(args);
        }
    }

    private static void startEmbeddedPostgres() {
        Path dataDir = Path.of(setting("CLAIMLEDGER_DATA_DIR", "claimledger.data-dir", "data")).resolve("postgres");
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
        postgres.datasourceConfig().forEach(System::setProperty);
        EmbeddedServers.register(postgres);
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
