package org.claimledger.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads corpus files: YAML parsed with lines kept, each file checked against the JSON Schema of its
 * kind (shipped in {@code /schema}). Every problem in every file is collected; nothing stops early.
 */
public final class CorpusReader {

    private static final java.util.Set<String> ENTRY_LISTS = java.util.Set.of("entities", "propositions", "assessments",
            "claims");
    private static final Map<CorpusFile.Kind, JsonSchema> SCHEMAS = new EnumMap<>(CorpusFile.Kind.class);

    static {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (CorpusFile.Kind kind : CorpusFile.Kind.values()) {
            try (InputStream in = CorpusReader.class.getResourceAsStream("/schema/" + kind.schema() + ".schema.json")) {
                SCHEMAS.put(kind, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The files that could be read and passed their schema, and every problem with the others. */
    public record Result(List<CorpusFile> files, List<ImportProblem> problems) {
    }

    private CorpusReader() {
    }

    /** Reads a corpus given as file path (relative to its root) to text. */
    public static Result read(Map<String, String> texts) {
        List<CorpusFile> files = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(texts).entrySet()) {
            String path = entry.getKey();
            CorpusFile.Kind kind = CorpusFile.kindOf(path);
            if (kind == null) {
                problems.add(new ImportProblem(path, null, null,
                        "not a corpus file: expected <case>/entities.yaml, <case>/propositions.yaml or <case>/sources/<id>.yaml"));
                continue;
            }
            YamlTree tree;
            try {
                tree = YamlTree.parse(entry.getValue() == null ? "" : entry.getValue());
            } catch (MarkedYAMLException e) {
                problems.add(new ImportProblem(path, e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 1,
                        null, "not valid YAML: " + e.getProblem()));
                continue;
            } catch (YAMLException | IllegalArgumentException e) {
                problems.add(new ImportProblem(path, null, null, "not valid YAML: " + e.getMessage()));
                continue;
            }
            java.util.Set<String> invalidEntries = new java.util.HashSet<>();
            List<ImportProblem> invalid = validate(path, kind, tree, invalidEntries);
            problems.addAll(invalid);
            // a file whose top level is wrong is left out whole; otherwise only its invalid entries
            // are, and the rest is still checked, so one import reports as much as it can
            if (!invalidEntries.contains("")) {
                files.add(new CorpusFile(path, kind, tree, invalidEntries));
            }
        }
        return new Result(files, problems);
    }

    private static List<ImportProblem> validate(String path, CorpusFile.Kind kind, YamlTree tree,
                                                java.util.Set<String> invalidEntries) {
        JsonNode root = tree.root();
        List<ImportProblem> problems = new ArrayList<>();
        for (ValidationMessage m : SCHEMAS.get(kind).validate(root)) {
            String pointer = m.getInstanceLocation().toString().replaceFirst("^\\$", "")
                    .replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
            // an entry of a list (one claim, one entity) can be left out alone; anything else spoils the file
            String[] steps = pointer.split("/");
            boolean listEntry = steps.length >= 3 && ENTRY_LISTS.contains(steps[1]) && steps[2].matches("\\d+");
            invalidEntries.add(listEntry ? "/" + steps[1] + "/" + steps[2] : "");
            String field = pointer.isEmpty() ? null : pointer.substring(1);
            String property = m.getProperty();
            if (property != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
                field = field == null ? property : field + "/" + property;
            }
            if (field != null) {
                field = field.replaceAll("/(\\d+)", "[$1]").replace('/', '.');
            }
            problems.add(new ImportProblem(path, tree.lineOf(pointer), field, m.getMessage()));
        }
        problems.sort(java.util.Comparator.comparing((ImportProblem p) -> p.line() == null ? 0 : p.line()));
        return problems;
    }
}
