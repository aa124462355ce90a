package org.claimledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimledger.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus as a new user meets it: loaded on the first start, and importable from the command line. */
class CorpusIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMOLITION = "krakow-1945/demolition-prevented-by";

    @Test
    void the_first_start_loads_the_corpus_and_the_kraków_disputes_are_listed_with_sources_and_quotes() throws Exception {
        try (ServiceProcess service = new ServiceProcess(Path.of("target", "it-data", "first-start-" + System.currentTimeMillis()))) {
            service.start();
            JsonNode disputes = awaitDispute(service);
            assertThat(disputes.toString()).contains(DEMOLITION);
            JsonNode demolition = JSON.readTree(service.get("/api/propositions/" + DEMOLITION).body());
            assertThat(demolition.get("status").asText()).isEqualTo("contested");
            assertThat(demolition.get("claims").findValuesAsText("quote")).anyMatch(q -> q.contains("NKVD"));
            assertThat(demolition.get("claims").findValuesAsText("sourceId"))
                    .contains("soviet-accounts-nkvd-demining", "historians-nkvd-story-propaganda");
            long head = head(service);

            service.stop();
            service.start();
            assertThat(head(service)).as("the corpus is imported on the first start only").isEqualTo(head);
        }
    }

    @Test
    void the_command_line_imports_a_folder_into_the_embedded_ledger_and_a_second_time_changes_nothing() throws Exception {
        try (ServiceProcess ledger = new ServiceProcess(Path.of("target", "it-data", "cli-" + System.currentTimeMillis()))) {
            ServiceProcess.CommandRun first = ledger.command("import", "claims");
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).contains("krakow-1945").contains("soviet-invasion-1939").contains("claims/s")
                    .contains("done:");
            ServiceProcess.CommandRun again = ledger.command("import", "claims");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("done:").contains(" 0 new entries");
        }
    }

    @Test
    void the_command_line_imports_a_bibliography_into_a_running_ledger_and_exports_it_as_linked_data() throws Exception {
        try (ServiceProcess service = new ServiceProcess(Path.of("target", "it-data", "cli-bibliography-" + System.currentTimeMillis()))) {
            service.start();
            awaitDispute(service);
            service.awaitReadModels();
            String url = "http://127.0.0.1:" + service.port();
            Path before = service.dataDir().resolve("before.ttl");
            ServiceProcess.CommandRun exported = service.command("export", "--url", url, "--format", "turtle",
                    "--output", before.toString());
            assertThat(exported.exitCode()).as(exported.output()).isZero();
            int sourcesBefore = creativeWorks(before).size();
            assertThat(sourcesBefore).isPositive();

            String library = Path.of("src/test/resources/bibliography/library.bib").toAbsolutePath().toString();
            ServiceProcess.CommandRun plan = service.command("import-sources", library, "--url", url, "--token", service.token());
            assertThat(plan.exitCode()).as(plan.output()).isZero();
            assertThat(plan.output()).contains("davies-2003-rising").contains("register");
            assertThat(service.get("/api/sources/davies-2003-rising").statusCode()).as("a dry run writes nothing").isEqualTo(404);

            ServiceProcess.CommandRun written = service.command("import-sources", library, "--url", url,
                    "--token", service.token(), "--commit");
            assertThat(written.exitCode()).as(written.output()).isZero();
            assertThat(service.get("/api/sources/davies-2003-rising").statusCode()).isEqualTo(200);
            ServiceProcess.CommandRun again = service.command("import-sources", library, "--url", url,
                    "--token", service.token(), "--commit");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).as("the same library twice changes nothing").contains("done: 0 registered");

            service.awaitReadModels();
            Path after = service.dataDir().resolve("after.ttl");
            exported = service.command("export", "--url", url, "--format", "turtle", "--output", after.toString());
            assertThat(exported.exitCode()).as(exported.output()).isZero();
            java.util.Set<String> works = creativeWorks(after);
            assertThat(works).hasSize(sourcesBefore + 3).contains(url + "/api/sources/davies-2003-rising");

            ServiceProcess.CommandRun refused = service.command("import-sources", library, "--url", url,
                    "--token", "not-a-token", "--commit");
            assertThat(refused.exitCode()).as("refused by the ledger").isEqualTo(1);
        }
    }

    /** The sources a Turtle export describes, read by Apache Jena as a consumer would. */
    private static java.util.Set<String> creativeWorks(Path turtle) {
        org.apache.jena.rdf.model.Model model = org.apache.jena.riot.RDFDataMgr.loadModel(turtle.toString(),
                org.apache.jena.riot.Lang.TURTLE);
        java.util.Set<String> works = new java.util.TreeSet<>();
        model.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                model.createResource("http://schema.org/CreativeWork")).forEachRemaining(r -> works.add(r.getURI()));
        return works;
    }

    private static JsonNode awaitDispute(ServiceProcess service) {
        return org.awaitility.Awaitility.await("the demolition dispute listed")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(service.get("/api/disputes?limit=200").body()),
                        disputes -> disputes.toString().contains(DEMOLITION));
    }

    private static long head(ServiceProcess service) throws Exception {
        return JSON.readTree(service.get("/api/admin/projections").body()).get(0).get("head").asLong();
    }
}
