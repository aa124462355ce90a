package org.claimledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/**
 * The command line: {@code token}, {@code import}, {@code import-sources} and {@code export}, parsed
 * by picocli with {@code --help} on each and documented exit statuses. With no command the jar
 * starts the service (ClaimLedgerMain decides that before anything here is asked), which is why
 * picocli sits inside our own main rather than quarkus-picocli taking the main over.
 */
@Command(name = "claimledger", mixinStandardHelpOptions = true, version = "claimledger 0.1",
        description = {"A ledger of sourced historical claims.",
                "With no command, starts the service (http://localhost:8080/) and loads the corpus into a new ledger."},
        subcommands = {TokenCli.class, ImportCli.class, ImportSourcesCli.class, ExportCli.class,
                CommandLine.HelpCommand.class},
        footer = {"", ExitCodes.SECTION},
        exitCodeOnInvalidInput = ExitCodes.USAGE)
public class ClaimLedgerCli implements Runnable {

    /** The words that make the jar a command rather than the service. */
    public static final Set<String> COMMANDS = Set.of("token", "import", "import-sources", "export", "help",
            "--help", "-h", "--version", "-V");

    /** Where the embedded default keeps its signing keys (for {@code token}). */
    final Path keyDirectory;
    /** Runs a corpus import inside this process, against the local ledger (for {@code import} without --url). */
    final java.util.function.Function<String[], Integer> localImport;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ClaimLedgerCli(Path keyDirectory, java.util.function.Function<String[], Integer> localImport) {
        this.keyDirectory = keyDirectory;
        this.localImport = localImport;
    }

    public static boolean isCommand(String... args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command line and answers its exit status; output to {@code out}, messages to {@code err}. */
    public static int run(Path keyDirectory, java.util.function.Function<String[], Integer> localImport,
                          PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = commandLine(keyDirectory, localImport);
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    static CommandLine commandLine(Path keyDirectory, java.util.function.Function<String[], Integer> localImport) {
        CommandLine line = new CommandLine(new ClaimLedgerCli(keyDirectory, localImport));
        line.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FILE);
        line.getSubcommands().values().forEach(sub -> {
            sub.getCommandSpec().usageMessage().footer("", ExitCodes.SECTION);
            sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        });
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Used by subcommands that need no Quarkus. */
    static int unreachable(PrintWriter err, String url, Exception e) {
        err.println("the service at " + url + " cannot be reached (" + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()) + "); is it running?");
        return ExitCodes.UNREACHABLE;
    }

}
