package org.claimledger.cli;

import org.claimledger.security.TokenCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code token <user> [roles] [--hours N]}: a bearer token for the embedded default, on standard output alone. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Prints a bearer token for a named user, signed with the embedded default's key (data/keys/).",
                "Example: TOKEN=$(java -jar target/quarkus-app/quarkus-run.jar token alice contributor,reviewer)"})
class TokenCli implements Callable<Integer> {

    @ParentCommand
    ClaimLedgerCli parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<user>", description = "who the token names; recorded as recordedBy on every write it makes")
    String user;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<roles>", defaultValue = "contributor",
            description = "comma-separated: reader, contributor, reviewer, admin (default: ${DEFAULT-VALUE})")
    String roles;

    @Option(names = "--hours", defaultValue = "12", description = "how long the token is valid (default: ${DEFAULT-VALUE})")
    long hours;

    @Override
    public Integer call() {
        var out = new PrintStream(new WriterStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        var err = new PrintStream(new WriterStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
        int status = TokenCommand.run(new String[]{"token", user, roles, "--hours", Long.toString(hours)},
                parent.keyDirectory, out, err);
        out.flush();
        err.flush();
        return status;
    }

    /** picocli writes to PrintWriters; the token command to PrintStreams. */
    static final class WriterStream extends java.io.OutputStream {
        private final java.io.PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(java.io.PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
        }

        @Override
        public void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
