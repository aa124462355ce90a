package org.claimledger.cli;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code export [--format jsonld|turtle|nquads] [--subject ID] [--output FILE] [--url URL]}: streams
 * a running ledger's {@code GET /api/export} (linked data) to a file or to standard output, as it comes.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports the ledger (or one subject's part of it) as linked data from a running service,",
                "streamed to a file or to standard output."})
class ExportCli implements Callable<Integer> {

    enum Format {
        JSONLD("jsonld", "application/ld+json"), TURTLE("turtle", "text/turtle"), NQUADS("nquads", "application/n-quads");

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

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.name.equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not jsonld, turtle or nquads");
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "jsonld|turtle|nquads", defaultValue = "jsonld", converter = FormatConverter.class,
            description = "the RDF serialization (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--subject", paramLabel = "ID", description = "only what concerns this entity (e.g. krakow)")
    String subject;

    @Option(names = "--output", paramLabel = "FILE", description = "write here (default: standard output)")
    Path output;

    @picocli.CommandLine.Mixin
    RunningLedger ledger;

    /** Where the bytes go when there is no --output (tests set it). */
    OutputStream stdout = System.out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        URI address = ledger.address("/api/export"
                + (subject == null ? "" : "?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(Duration.ofMinutes(30))
                .header("Accept", format.mediaType).GET();
        String bearer = ledger.bearer();
        if (bearer != null && !bearer.isBlank()) {
            request.header("Authorization", "Bearer " + bearer.strip());
        }
        HttpResponse<InputStream> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return ClaimLedgerCli.unreachable(err, ledger.url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ClaimLedgerCli.unreachable(err, ledger.url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String problem = new String(body.readNBytes(10_000), StandardCharsets.UTF_8);
                err.println("REFUSED (HTTP " + response.statusCode() + "): " + problem);
                return ExitCodes.REFUSED;
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (ProgressBar bar = Progress.bytes("exporting", length);
                 OutputStream target = output == null ? new NotClosing(stdout) : Files.newOutputStream(output)) {
                body.transferTo(Progress.counted(target, bar));
            }
        } catch (IOException e) {
            err.println("the export could not be " + (output == null ? "written" : "written to " + output)
                    + ": " + e.getMessage());
            return ExitCodes.FILE;
        }
        return ExitCodes.DONE;
    }

    /** Standard output stays open after the export. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
