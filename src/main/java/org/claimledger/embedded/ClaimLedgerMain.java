package org.claimledger.embedded;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.claimledger.importing.ImportCommand;
import org.claimledger.security.SigningKeys;
import org.claimledger.cli.ClaimLedgerCli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Starts the ledger; with a command ({@code token}, {@code import}, {@code import-sources},
 * {@code export}, {@code --help}) runs that instead, parsed by picocli (see {@link ClaimLedgerCli}). With no PostgreSQL configured ({@code QUARKUS_DATASOURCE_JDBC_URL} unset) it
 * first starts an embedded server on the data directory ({@code CLAIMLEDGER_DATA_DIR}, default
 * {@code data/}), so a bare machine with only a JDK runs the service and keeps what it is told.
 */
@QuarkusMain
public class ClaimLedgerMain {

    public static void main(String... args) throws Exception {
        if (ClaimLedgerCli.isCommand(args)) {
            // a command (token, import, import-sources, export, --help): picocli parses it
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            System.exit(ClaimLedgerCli.run(keyDirectory(), ClaimLedgerMain::importLocally, out, err, args));
        }
        // no command: the service, exactly as before
        ensureSigningKeys();
        if (!externalDatabaseConfigured()) {
            startEmbeddedPostgres();
        }
        Quarkus.run(args);
    }

    /**
     * {@code import <folder>} without {@code --url}: into the local ledger, started here without HTTP
     * traffic and without its own corpus loading. Quarkus exits the JVM with the import's status.
     */
    static int importLocally(String[] args) {
        ensureSigningKeys();
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("claimledger.corpus.load-into-empty-ledger", "false");
        if (!externalDatabaseConfigured()) {
            startEmbeddedPostgres();
        }
        Quarkus.run(ImportCommand.class, args);
        return 0;
    }

    private static void ensureSigningKeys() {
        if (setting("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "mp.jwt.verify.publickey.location", null) == null) {
            // no identity provider configured: the service verifies the tokens the `token` command
            // issues, with the key pair in the data directory (application.properties points there)
            new SigningKeys(keyDirectory()).ensure();
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
