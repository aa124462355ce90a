package org.claimledger.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code import <folder> [--url <ledger>]}: imports a corpus folder case by case, printing progress
 * (files, claims, rate) and a summary. With {@code --url} it sends each case to a running ledger's
 * {@code POST /api/imports}; without, it runs inside this process against the embedded (or
 * configured) database. Exit status 0 when everything was imported, 1 when a case was refused.
 */
@jakarta.enterprise.context.Dependent
@io.quarkus.arc.Unremovable
public class ImportCommand implements QuarkusApplication {

    @Inject
    Importer importer;

    @Override
    public int run(String... args) throws Exception {
        return run(args, System.out);
    }

    /** The ledger to send to, when the command names one with {@code --url}. */
    public static String url(String... args) {
        return option("--url", args);
    }

    private static String option(String name, String... args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static String folder(String... args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--url") || args[i].equals("--token")) {
                i++;
            } else {
                return args[i];
            }
        }
        return "claims";
    }

    /** Runs against the {@code --url} ledger when given (no Quarkus needed), otherwise with the injected importer. */
    public int run(String[] args, PrintStream out) throws Exception {
        String url = url(args);
        Path root = Path.of(folder(args));
        if (!Files.isDirectory(root)) {
            out.println("no corpus folder at " + root.toAbsolutePath());
            return 2;
        }
        Map<String, Map<String, String>> cases = CorpusFolder.cases(root);
        out.printf("importing %d case(s) from %s%s%n", cases.size(), root.toAbsolutePath(),
                url == null ? " into the local ledger" : " into " + url);
        long started = System.nanoTime();
        int files = 0;
        int claims = 0;
        int recorded = 0;
        boolean refused = false;
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            long t = System.nanoTime();
            int caseClaims = countClaims(c.getValue());
            out.printf("  %-28s %3d files, %4d claims ... ", c.getKey(), c.getValue().size(), caseClaims);
            out.flush();
            try {
                String token = option("--token", args) != null ? option("--token", args) : System.getenv("CLAIMLEDGER_TOKEN");
                int[] result = url == null ? local(c.getValue()) : remote(url, token, c.getValue(), out);
                if (result == null) {
                    refused = true;
                    continue;
                }
                double seconds = Math.max(1e-3, (System.nanoTime() - t) / 1e9);
                out.printf(Locale.ROOT, "ok, %d new, %d unchanged (%.0f claims/s)%n", result[0], result[1],
                        caseClaims / seconds);
                recorded += result[0];
            } catch (ImportRejected rejected) {
                out.println("REFUSED, nothing written:");
                rejected.problems().forEach(p -> out.printf("    %s:%s %s%s%n", p.file(), p.line() == null ? "" : p.line(),
                        p.field() == null ? "" : p.field() + ": ", p.message()));
                refused = true;
            }
            files += c.getValue().size();
            claims += caseClaims;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "%s: %d files, %d claims, %d new entries in %.1f s%n",
                refused ? "finished with refusals" : "done", files, claims, recorded, seconds);
        return refused ? 1 : 0;
    }

    private int[] local(Map<String, String> files) {
        Importer.Report report = importer.importFiles(files, "corpus-import");
        return new int[]{report.recorded(), report.unchanged()};
    }

    private static int[] remote(String url, String token, Map<String, String> files, PrintStream out)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        String body = json.writeValueAsString(Map.of("files", files));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/imports"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() == 200) {
            return new int[]{answer.path("recorded").asInt(), answer.path("unchanged").asInt()};
        }
        out.println("REFUSED (HTTP " + response.statusCode() + "), nothing written:");
        if (answer.has("errors")) {
            for (JsonNode p : answer.get("errors")) {
                out.printf("    %s:%s %s%s%n", p.path("file").asText(""), p.path("line").asText(""),
                        p.has("field") ? p.get("field").asText() + ": " : "", p.path("message").asText());
            }
        } else {
            out.println("    " + answer.path("detail").asText(response.body()));
        }
        return null;
    }

    private static int countClaims(Map<String, String> files) {
        int n = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (CorpusFile.kindOf(f.getKey()) == CorpusFile.Kind.SOURCE) {
                try {
                    n += YamlTree.parse(f.getValue()).root().path("claims").size();
                } catch (RuntimeException unreadable) {
                    // the import itself will say what is wrong with the file
                }
            }
        }
        return n;
    }
}
