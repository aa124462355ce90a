package org.claimledger.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as people use it: help on each command, exit statuses, the token as before, the export client. */
class CommandLineTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    HttpServer server;
    final List<String> seen = new CopyOnWriteArrayList<>();

    int run(String... args) {
        return ClaimLedgerCli.run(dir.resolve("keys"), a -> {
            throw new AssertionError("no local import in these tests");
        }, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void help_lists_every_command_and_the_exit_statuses() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("token", "import", "import-sources", "export", "Exit status", "3  the service");
    }

    @ParameterizedTest
    @CsvSource({"token, <user>", "import, <folder>", "import-sources, --commit", "export, --subject"})
    void every_command_has_its_help(String command, String mentions) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage:", command, mentions, "Exit status");
        out.getBuffer().setLength(0);
        assertThat(run("help", command)).isZero();
        assertThat(out.toString()).contains("Usage:", command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "export --frobnicate", "import-sources", "export --format rdfxml",
            "import-sources lib.json --format ris", "import claims extra-argument"})
    void usage_errors_exit_2(String line) {
        assertThat(run(line.split(" "))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isNotBlank();
    }

    @Test
    void the_token_command_works_as_the_readme_shows() throws Exception {
        assertThat(run("token", "alice", "contributor,reviewer")).isZero();
        String token = out.toString().strip();
        assertThat(token.split("\\.")).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"alice\"", "contributor", "reviewer");
        assertThat(Files.exists(dir.resolve("keys"))).isTrue();
    }

    @Test
    void a_token_with_an_unknown_role_is_a_usage_error() {
        assertThat(run("token", "alice", "emperor")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown role 'emperor'");
    }

    @Test
    void import_sources_of_a_file_that_is_not_there_exits_4() {
        assertThat(run("import-sources", dir.resolve("nothing.json").toString())).isEqualTo(ExitCodes.FILE);
    }

    @Test
    void import_of_a_folder_that_is_not_there_exits_4() {
        assertThat(run("import", dir.resolve("no-corpus").toString(), "--url", "http://localhost:1")).isEqualTo(ExitCodes.FILE);
    }

    private String startExportServer(int status, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/export", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Accept=" + exchange.getRequestHeaders().getFirst("Accept"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @ParameterizedTest
    @CsvSource({"jsonld, application/ld+json", "turtle, text/turtle", "nquads, application/n-quads"})
    void export_asks_for_the_format_and_writes_the_bytes_to_the_file(String format, String mediaType) throws Exception {
        String rdf = "<https://claimledger.org/entity/krakow> <http://www.w3.org/2000/01/rdf-schema#label> \"Kraków\"@pl .\n";
        String url = startExportServer(200, rdf);
        Path file = dir.resolve("krakow." + format);
        assertThat(run("export", "--format", format, "--subject", "krakow", "--output", file.toString(), "--url", url))
                .isZero();
        assertThat(seen).containsExactly("GET /api/export?subject=krakow Accept=" + mediaType);
        assertThat(Files.readString(file)).isEqualTo(rdf);
    }

    @Test
    void export_without_output_writes_to_standard_output() throws Exception {
        String url = startExportServer(200, "{\"@graph\":[]}");
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("export", "--url", url)).isZero();
        } finally {
            System.setOut(before);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("{\"@graph\":[]}");
        assertThat(seen).containsExactly("GET /api/export Accept=application/ld+json");
    }

    @Test
    void an_export_the_service_refuses_exits_1() throws Exception {
        String url = startExportServer(404, "{\"status\":404,\"detail\":\"entity 'atlantis' does not exist\"}");
        assertThat(run("export", "--subject", "atlantis", "--output", dir.resolve("x.jsonld").toString(), "--url", url))
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("404", "atlantis");
    }

    @Test
    void a_service_that_cannot_be_reached_exits_3() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(dir.resolve("lib.json"), "[]");
        String url = "http://127.0.0.1:" + port;
        assertThat(run("export", "--url", url, "--output", dir.resolve("x").toString())).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run("import-sources", dir.resolve("lib.json").toString(), "--url", url)).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString()).contains("cannot be reached");
    }
}
