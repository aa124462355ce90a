package org.claimledger.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Tools a few tests need beyond the JDK: kubectl (to render k8s/) and Debian's chromium with
 * chromium-driver (browser tests). CI installs them and sets {@code CI=true}: there a missing tool
 * fails the run. On a developer's bare machine the tests that need one are reported as skipped,
 * with what to install, so that {@code ./mvnw verify} still runs everything else.
 */
public final class ExternalTools {

    private ExternalTools() {
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("claimledger.require-tools");
    }

    /** Stops the calling test: a failure under CI, a skip elsewhere. */
    public static RuntimeException missing(String what) {
        if (required()) {
            throw new AssertionError(what + " (CI=true: .ci/run installs it)");
        }
        Assumptions.abort(what + " (skipped outside CI; .ci/run installs it)");
        return new IllegalStateException("unreachable");
    }
}
