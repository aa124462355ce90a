package org.claimledger.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.claimledger.importing.ImportCommand;
import org.claimledger.security.SigningKeys;
import org.claimledger.security.TokenCommand;

import java.nio.file.Path;

/**
 * Starts the ledger; {@code import <folder> [--url <ledger>] [--token <jwt>]} imports a corpus folder;
 * {@code token <user> [roles]} prints a bearer token for the embedded default. With no PostgreSQL configured ({@code QUARKUS_DATASOURCE_JDBC_URL} unset) it
 * first starts an embedded server on the data directory ({@code CLAIMLEDGER_DATA_DIR}, default
 * {@code data/}), so a bare machine with only a JDK runs the service and keeps what it is told.
 */
@QuarkusMain
public class ClaimLedgerMain {

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(args, keyDirectory(), System.out, System.err));
        }
        if (setting("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "mp.jwt.verify.publickey.location", null) == null) {
            // no identity provider configured: the service verifies the tokens the `token` command
            // issues, with the key pair in the data directory (application.properties points there)
            new SigningKeys(keyDirectory()).ensure();
        }
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

    private static Path dataDirectory() {
        return Path.of(setting("CLAIMLEDGER_DATA_DIR", "claimledger.data-dir", "data"));
    }

    private static Path keyDirectory() {
        return dataDirectory().resolve("keys");
    }

    private static void startEmbeddedPostgres() {
        Path dataDir = dataDirectory().resolve("postgres");
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
