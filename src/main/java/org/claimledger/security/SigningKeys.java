package org.claimledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The key pair of the embedded default: made on first start in {@code <data>/keys}, never shipped
 * and never committed. The service verifies tokens with the public key; the {@code token} command
 * signs them with the private one. Production points {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} at its
 * identity provider's key or JWKS URL instead.
 */
public final class SigningKeys {

    public static final String ISSUER = "claimledger";

    private final Path directory;

    public SigningKeys(Path directory) {
        this.directory = directory;
    }

    public Path publicKey() {
        return directory.resolve("public.pem");
    }

    public Path privateKeyFile() {
        return directory.resolve("private.pem");
    }

    /** Makes the key pair if there is none yet. */
    public SigningKeys ensure() {
        if (Files.exists(privateKeyFile()) && Files.exists(publicKey())) {
            return this;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(privateKeyFile(), "PRIVATE KEY", pair.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(privateKeyFile(), PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the directory's own permissions have to do
            }
            write(publicKey(), "PUBLIC KEY", pair.getPublic().getEncoded());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the signing keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not make a signing key", e);
        }
    }

    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("no signing key in " + directory + "; start the service once first", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key in " + directory + " is unreadable", e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
