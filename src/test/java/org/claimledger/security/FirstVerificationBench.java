package org.claimledger.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The first verification of a caller's token in a fresh JVM, with and without {@link TokenWarmUp}'s
 * warm-up before it. Each is measured in a JVM of its own (what it costs is loading and initialising
 * classes, so nothing may have loaded them before), three times; the medians are printed. A harness,
 * not a test: {@code ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.claimledger.security.FirstVerificationBench}
 */
public final class FirstVerificationBench {

    private static final String PREFIX = "first-verification-nanos=";
    private static final int RUNS = 3;

    private FirstVerificationBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("first-verification");
        SigningKeys keys = new SigningKeys(dir).ensure();
        String token = Tokens.issue(keys.privateKey(), "historian", Set.of("contributor"), Duration.ofHours(1));
        String location = keys.publicKey().toUri().toString();
        List<Long> cold = new ArrayList<>();
        List<Long> warmed = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            cold.add(firstVerification("cold", location, token));
            warmed.add(firstVerification("warmed", location, token));
        }
        System.out.printf("first token verification in a fresh JVM: %.1f ms without the warm-up %s,"
                        + " %.1f ms after it %s%n", millis(median(cold)), asMillis(cold), millis(median(warmed)),
                asMillis(warmed));
    }

    /** Nanoseconds the first verification took in a new JVM. */
    private static long firstVerification(String mode, String location, String token)
            throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FirstVerification.class.getName(), mode, location, token)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
            throw new IllegalStateException(output);
        }
        return output.lines().filter(l -> l.startsWith(PREFIX)).mapToLong(l -> Long.parseLong(l.substring(PREFIX.length())))
                .findFirst().orElseThrow(() -> new IllegalStateException(output));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static List<String> asMillis(List<Long> values) {
        return values.stream().map(n -> String.format("%.1f", millis(n))).toList();
    }

    /** Run in a JVM of its own: verifies the token (as the service does, its key from a location), after the warm-up when asked. */
    public static final class FirstVerification {
        public static void main(String[] args) throws Exception {
            JWTParser parser = new DefaultJWTParser(new JWTAuthContextInfo(args[1], SigningKeys.ISSUER));
            if (args[0].equals("warmed")) {
                TokenWarmUp.verifyThrowaway(parser, SigningKeys.ISSUER, Set.of());
            }
            long began = System.nanoTime();
            JsonWebToken verified = parser.parse(args[2]);
            long took = System.nanoTime() - began;
            if (!"historian".equals(verified.getName())) {
                throw new IllegalStateException("verified as " + verified.getName());
            }
            System.out.println(PREFIX + took);
        }
    }
}
