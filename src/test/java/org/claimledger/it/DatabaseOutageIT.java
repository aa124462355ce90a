package org.claimledger.it;

import org.claimledger.embedded.EmbeddedPostgres;
import org.claimledger.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a running service and comes back: meanwhile every request is
 * answered 503 problem+json with Retry-After (never 500, never a stack trace), nothing is written,
 * and once PostgreSQL is back the service writes again by itself.
 */
class DatabaseOutageIT {

    @Test
    void while_postgresql_is_down_requests_are_answered_503_with_retry_after_and_writes_resume_when_it_is_back() throws Exception {
        Path base = Path.of("target", "it-data", "outage-" + System.currentTimeMillis()).toAbsolutePath();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres pg = EmbeddedPostgres.start(base.resolve("postgres"), port);
        try (ServiceProcess ledger = new ServiceProcess(base.resolve("service"))
                .jvm("-Dclaimledger.corpus.load-into-empty-ledger=false")
                .env("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl())
                .env("QUARKUS_DATASOURCE_USERNAME", "postgres")
                .env("QUARKUS_DATASOURCE_PASSWORD", "postgres")) {
            ledger.start();
            expect(201, ledger.post("/api/entities", "{\"id\":\"krakow\",\"labels\":{\"en\":\"Kraków\"},\"aliases\":[]}"));
            expect(201, ledger.post("/api/propositions", "{\"id\":\"krakow/intact\",\"subject\":\"krakow\","
                    + "\"predicate\":\"taken intact\",\"valueType\":\"boolean\",\"cardinality\":\"single\",\"label\":\"Intact?\"}"));
            expect(201, ledger.post("/api/sources", "{\"id\":\"konev\",\"title\":\"Konev's memoir\",\"authors\":[\"Ivan Konev\"],"
                    + "\"kind\":\"memoir\",\"published\":\"1969\",\"language\":\"ru\",\"origin\":\"soviet-state\","
                    + "\"derivedFrom\":[],\"citation\":\"Konev 1969\"}"));
            expect(201, ledger.post("/api/sources/konev/claims", claim("konev/before")));

            pg.close(); // the database goes away

            for (int i = 0; i < 3; i++) {
                unavailable(ledger.post("/api/sources/konev/claims", claim("konev/during-" + i)));
            }
            unavailable(ledger.get("/api/sources/konev"));

            pg = EmbeddedPostgres.start(base.resolve("postgres"), port); // and comes back where it was
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    ledger.post("/api/sources/konev/claims", claim("konev/after")).statusCode() == 201);
            // nothing of the refused writes was recorded: each is new now
            expect(201, ledger.post("/api/sources/konev/claims", claim("konev/during-0")));
            expect(200, ledger.post("/api/sources/konev/claims", claim("konev/before")));
            assertThat(ledger.log()).as("the service's log").doesNotContain("status=500");
        } finally {
            pg.close();
        }
    }

    private static void unavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).as("%s %s", r.headers().map(), r.body()).hasValue("5");
        assertThat(r.body()).contains("\"status\":503").contains("database").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static void expect(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    }

    private static String claim(String id) {
        return "{\"id\":\"" + id + "\",\"propositionId\":\"krakow/intact\",\"stance\":\"asserts\",\"value\":{\"boolean\":true}}";
    }
}
