package org.claimledger.cli;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.claimledger.testing.Api;
import org.claimledger.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** {@code import-sources} against the running test service: a dry run, a commit, a second import, a refusal. */
@QuarkusTest
class ImportSourcesCommandTest {

    @TestHTTPResource("/")
    URL service;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return ClaimLedgerCli.run(dir.resolve("keys"), a -> ExitCodes.USAGE, new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    private Path bibliography(String name, String run) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/bibliography/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("davies-2003-rising",
                    "davies-cli-" + run).replace("Chwalba2004", "chwalba-cli-" + run).replace("nowak1999", "nowak-cli-" + run);
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        }
    }

    @Test
    void a_bibtex_file_is_planned_then_committed_then_unchanged() throws Exception {
        String run = Api.unique("cli");
        Path file = bibliography("library.bib", run);
        String url = service.toString();
        String token = TestTokens.everything();

        assertThat(run("import-sources", file.toString(), "--url", url, "--token", token)).isZero();
        assertThat(out.toString()).contains("register", "davies-cli-" + run, "dry run: 3 to register");
        given().get("/api/sources/davies-cli-" + run).then().statusCode(404);

        assertThat(run("import-sources", file.toString(), "--commit", "--url", url, "--token", token)).isZero();
        assertThat(out.toString()).contains("done: 3 registered, 0 corrected, 0 unchanged");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/sources/davies-cli-" + run)
                .then().statusCode(200).body("kind", equalTo("scholarship")));

        assertThat(run("import-sources", file.toString(), "--commit", "--url", url, "--token", token,
                "--format", "bibtex")).isZero();
        assertThat(out.toString()).contains("done: 0 registered, 0 corrected, 3 unchanged");
    }

    @Test
    void entries_with_problems_are_named_and_exit_1() throws Exception {
        Path file = bibliography("impossible-date.json", "x");
        assertThat(run("import-sources", file.toString(), "--commit", "--url", service.toString(),
                "--token", TestTokens.everything())).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("HTTP 422", "entry yalta-1945, issued", "no day 30");
    }

    @Test
    void without_a_token_the_ledger_refuses_and_it_exits_1() throws Exception {
        Path file = bibliography("zotero-api.json", "x");
        assertThat(run("import-sources", file.toString(), "--url", service.toString(), "--token", ""))
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("HTTP 401");
    }
}
