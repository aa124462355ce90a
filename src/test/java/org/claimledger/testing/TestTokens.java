package org.claimledger.testing;

import org.claimledger.security.SigningKeys;
import org.claimledger.security.Tokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Tokens for tests, signed with the run's key ({@link SigningKeysResource}). */
public final class TestTokens {

    public static final String HISTORIAN = "test-historian";

    private TestTokens() {
    }

    public static String token(String user, String... roles) {
        return token(user, Duration.ofHours(1), roles);
    }

    public static String token(String user, Duration validFor, String... roles) {
        String dir = System.getProperty(SigningKeysResource.PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("no test signing keys: is SigningKeysResource registered?");
        }
        return Tokens.issue(new SigningKeys(Path.of(dir)).privateKey(), user, Set.of(roles), validFor);
    }

    /** A token that may do everything: most tests are about what the ledger does, not who may ask. */
    public static String everything() {
        return token(HISTORIAN, "contributor", "reviewer", "admin");
    }
}
