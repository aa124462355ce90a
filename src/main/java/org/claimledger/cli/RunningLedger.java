package org.claimledger.cli;

import picocli.CommandLine.Option;

/** The options of a command that talks to a running ledger over HTTP: where it is, and who asks. */
final class RunningLedger {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "the running ledger (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "a bearer token (default: $CLAIMLEDGER_TOKEN)")
    String token;

    /** The address of {@code path} ({@code /api/...}) on that ledger. */
    java.net.URI address(String path) {
        return java.net.URI.create(url.replaceAll("/+$", "") + path);
    }

    /** The token given, or the one in the environment; null for none. */
    String bearer() {
        return token != null ? token : System.getenv("CLAIMLEDGER_TOKEN");
    }
}
