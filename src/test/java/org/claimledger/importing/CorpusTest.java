package org.claimledger.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The corpus in claims/ as historians will read it: every file valid against its JSON Schema, every
 * reference whole, every quote exactly as its seed text has it, and enough of it to matter.
 */
class CorpusTest {

    static final Path CORPUS = Path.of("claims");
    static final Path SEEDS = Path.of("..", "shared", "seeds");
    static final Map<String, String> SEED_FILES = Map.of(
            "krakow-liberated-1945-en", "krakow-liberated-1945.en.txt",
            "slag-om-krakow-1945-nl", "slag-om-krakow-1945.nl.txt",
            "soviet-invasion-of-poland-1939-en", "soviet-invasion-of-poland-1939.en.txt");

    static CorpusReader.Result read;
    static final Map<String, JsonNode> entities = new HashMap<>();
    static final Map<String, JsonNode> propositions = new HashMap<>();
    static final Map<String, JsonNode> sources = new HashMap<>();
    static final List<JsonNode> claims = new ArrayList<>();

    @BeforeAll
    static void readCorpus() {
        read = CorpusReader.read(CorpusFolder.all(CORPUS));
        for (CorpusFile file : read.files()) {
            JsonNode root = file.tree().root();
            switch (file.kind()) {
                case ENTITIES -> root.get("entities").forEach(e -> entities.put(e.get("id").asText(), e));
                case PROPOSITIONS -> root.get("propositions").forEach(p -> propositions.put(p.get("id").asText(), p));
                case SOURCE -> {
                    sources.put(root.get("source").get("id").asText(), root.get("source"));
                    root.get("claims").forEach(c -> claims.add(((com.fasterxml.jackson.databind.node.ObjectNode) c.deepCopy())
                            .put("sourceId", root.get("source").get("id").asText())));
                }
            }
        }
    }

    @Test
    void every_file_is_valid_against_the_schema_of_its_kind() {
        assertThat(read.problems()).isEmpty();
        assertThat(read.files()).extracting(CorpusFile::kind).contains(CorpusFile.Kind.values());
        assertThat(ImportPlan.of(read.files(), new ObjectMapper()).problems()).isEmpty();
    }

    @Test
    void both_cases_are_there_with_enough_to_matter() {
        assertThat(CorpusFolder.cases(CORPUS)).containsKeys("krakow-1945", "soviet-invasion-1939");
        assertThat(propositions).hasSizeGreaterThanOrEqualTo(15);
        assertThat(sources).hasSizeGreaterThanOrEqualTo(15);
        assertThat(claims).hasSizeGreaterThanOrEqualTo(50);
        assertThat(sources).containsKeys(SEED_FILES.keySet().toArray(String[]::new));
        assertThat(propositions).containsKeys("krakow-1945/demolition-prevented-by", "krakow-1945/city-taken-intact",
                "soviet-invasion-1939/polish-dead-or-missing");
    }

    @Test
    void every_reference_names_something_in_the_corpus() {
        List<String> broken = new ArrayList<>();
        propositions.values().forEach(p -> {
            if (!entities.containsKey(p.get("subject").asText())) {
                broken.add("proposition " + p.get("id").asText() + ": subject " + p.get("subject").asText());
            }
        });
        sources.values().forEach(s -> s.path("derivedFrom").forEach(d -> {
            if (!sources.containsKey(d.asText())) {
                broken.add("source " + s.get("id").asText() + ": derivedFrom " + d.asText());
            }
        }));
        Set<String> claimIds = new HashSet<>();
        for (JsonNode c : claims) {
            String id = c.get("id").asText();
            if (!claimIds.add(id)) {
                broken.add("claim " + id + " appears twice");
            }
            JsonNode proposition = propositions.get(c.get("propositionId").asText());
            if (proposition == null) {
                broken.add("claim " + id + ": propositionId " + c.get("propositionId").asText());
                continue;
            }
            String type = proposition.get("valueType").asText();
            if (!c.get("value").has(type.equals("boolean") ? "boolean" : type.equals("quantity") ? "min" : type)) {
                broken.add("claim " + id + ": value " + c.get("value") + " is not of type " + type);
            }
            if (type.equals("entity") && !entities.containsKey(c.get("value").get("entity").asText())) {
                broken.add("claim " + id + ": entity " + c.get("value").get("entity").asText());
            }
            if (c.has("via") && !sources.containsKey(c.get("via").asText())) {
                broken.add("claim " + id + ": via " + c.get("via").asText());
            }
            if ("nl".equals(c.path("quoteLanguage").asText()) && !c.has("translation")) {
                broken.add("claim " + id + ": a Dutch quote without an English translation");
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void every_quote_stands_in_its_seed_exactly_as_written() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "the seed texts are beside the project in ../shared/seeds");
        Map<String, String> seeds = new HashMap<>();
        for (Map.Entry<String, String> seed : SEED_FILES.entrySet()) {
            seeds.put(seed.getKey(), Files.readString(SEEDS.resolve(seed.getValue()), StandardCharsets.UTF_8));
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JsonNode c : claims) {
            String seed = SEED_FILES.containsKey(c.get("sourceId").asText()) ? c.get("sourceId").asText()
                    : c.path("via").asText(null);
            if (seed == null || !seeds.containsKey(seed) || !c.has("quote")) {
                continue;
            }
            checked++;
            if (!seeds.get(seed).contains(c.get("quote").asText())) {
                missing.add(c.get("id").asText() + " quotes text not in " + SEED_FILES.get(seed));
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(40);
    }

    @Test
    void the_encoding_damage_of_the_dutch_article_is_kept_as_found() {
        assertThat(claims).anyMatch(c -> c.path("quote").asText().contains("ď")
                || c.path("quote").asText().contains("ŕ") || c.path("quote").asText().contains("˝"));
    }
}
