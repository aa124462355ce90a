package org.claimledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code import-sources <file> [--commit] [--url URL] [--token TOKEN] [--format csl-json|bibtex]}:
 * a Zotero CSL-JSON export or a BibTeX file sent to a running ledger's {@code POST /api/imports/sources}.
 * A dry run unless {@code --commit}: it prints what would be registered, corrected or left alone.
 */
@Command(name = "import-sources", mixinStandardHelpOptions = true,
        description = {"Imports sources from a bibliography (Zotero's CSL-JSON export, or BibTeX) into a running ledger.",
                "Without --commit it only shows what it would do: each entry registered, corrected (with the fields) or unchanged.",
                "With --commit it writes all of it or, when any entry has a problem, nothing."})
class ImportSourcesCli implements Callable<Integer> {

    enum Format {
        CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json"), BIBTEX("bibtex", "application/x-bibtex");

        final String name;
        final String mediaType;

        Format(String name, String mediaType) {
            this.name = name;
            this.mediaType = mediaType;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>", description = "the bibliography: a .json (CSL-JSON) or .bib (BibTeX) file")
    Path file;

    @Option(names = "--commit", description = "write it (without: a dry run that writes nothing)")
    boolean commit;

    @picocli.CommandLine.Mixin
    RunningLedger ledger;

    @Option(names = "--format", paramLabel = "csl-json|bibtex",
            converter = FormatConverter.class, description = "the file's format (default: from its name, .bib is BibTeX)")
    Format format;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.name.equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not csl-json or bibtex");
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            err.println("cannot read " + file.toAbsolutePath());
            return ExitCodes.FILE;
        }
        Format chosen = format != null ? format
                : file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bib") ? Format.BIBTEX : Format.CSL_JSON;
        String bearer = ledger.bearer();
        HttpResponse<String> response;
        try (ProgressBar bar = Progress.bytes("sending " + file.getFileName(), Files.size(file))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(ledger.address("/api/imports/sources"
                            + (commit ? "?commit=true" : "")))
                    .timeout(Duration.ofMinutes(10))
                    .header("Content-Type", chosen.mediaType)
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                        try {
                            return Progress.counted(Files.newInputStream(file), bar);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
            if (bearer != null && !bearer.isBlank()) {
                request.header("Authorization", "Bearer " + bearer.strip());
            }
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return ClaimLedgerCli.unreachable(err, ledger.url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ClaimLedgerCli.unreachable(err, ledger.url, e);
        }
        JsonNode answer;
        try {
            answer = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            err.println("the service answered " + response.statusCode() + " with something that is not JSON");
            return ExitCodes.REFUSED;
        }
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            for (JsonNode e : answer.path("entries")) {
                out.printf("  %-9s %-40s %s%s%n", e.path("action").asText(), e.path("id").asText(), e.path("title").asText(),
                        e.has("changes") ? "  (" + join(e.get("changes")) + ")" : "");
            }
            int register = answer.path("register").asInt();
            int correct = answer.path("correct").asInt();
            int unchanged = answer.path("unchanged").asInt();
            if (commit) {
                out.printf("done: %d registered, %d corrected, %d unchanged%n", register, correct, unchanged);
            } else {
                out.printf("dry run: %d to register, %d to correct, %d unchanged; nothing written (add --commit to write)%n",
                        register, correct, unchanged);
            }
            return ExitCodes.DONE;
        }
        err.println("REFUSED (HTTP " + response.statusCode() + "), nothing written: " + answer.path("detail").asText(""));
        for (JsonNode p : answer.path("errors")) {
            err.printf("  entry %s, %s: %s%n", p.path("entry").asText("?"), p.path("field").asText(""), p.path("message").asText());
        }
        return ExitCodes.REFUSED;
    }

    private static String join(JsonNode list) {
        StringBuilder s = new StringBuilder();
        list.forEach(n -> s.append(s.length() == 0 ? "" : ", ").append(n.asText()));
        return s.toString();
    }
}
