package org.claimledger.cli;

import org.claimledger.importing.ImportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code import <folder> [--url URL] [--token TOKEN]}: a corpus folder in the claims/ format, into
 * the local ledger (the service stopped) or, with {@code --url}, into a running one.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a corpus folder in the claims/ format, case by case, with progress.",
                "Every file is checked first; any problem and nothing of that case is written. Importing twice changes nothing.",
                "Without --url: into the local (embedded) ledger, which must not be running."})
class ImportCli implements Callable<Integer> {

    @ParentCommand
    ClaimLedgerCli parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<folder>", defaultValue = "claims",
            description = "the corpus folder (default: ${DEFAULT-VALUE})")
    Path folder;

    @Option(names = "--url", paramLabel = "URL", description = "a running ledger, e.g. http://localhost:8080")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "a contributor's bearer token (default: $CLAIMLEDGER_TOKEN)")
    String token;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            spec.commandLine().getErr().println("no corpus folder at " + folder.toAbsolutePath());
            return ExitCodes.FILE;
        }
        List<String> args = new ArrayList<>(List.of("import", folder.toString()));
        if (token != null) {
            args.addAll(List.of("--token", token));
        }
        if (url == null) {
            return parent.localImport.apply(args.toArray(String[]::new));
        }
        args.addAll(List.of("--url", url));
        var out = new PrintStream(new TokenCli.WriterStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        try {
            return new ImportCommand().run(args.toArray(String[]::new), out);
        } catch (java.net.ConnectException e) {
            out.flush();
            return ClaimLedgerCli.unreachable(spec.commandLine().getErr(), url, e);
        } finally {
            out.flush();
        }
    }
}
