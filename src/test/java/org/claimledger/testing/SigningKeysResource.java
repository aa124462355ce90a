package org.claimledger.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.claimledger.security.SigningKeys;

import java.nio.file.Path;
import java.util.Map;

/** A signing key pair for the test run: the service verifies with the public key, tests sign with the private one. */
public class SigningKeysResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROPERTY = "claimledger.test.keys";

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "test-data", "keys-" + System.currentTimeMillis()).toAbsolutePath();
        SigningKeys keys = new SigningKeys(dir).ensure();
        System.setProperty(PROPERTY, dir.toString());
        return Map.of("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
    }

    @Override
    public void stop() {
        // the keys stay under target/ with the rest of the run's data
    }
}
