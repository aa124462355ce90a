package org.claimledger.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimledger.claim.ClaimInput;
import org.claimledger.common.FieldError;
import org.claimledger.common.Rejection;
import org.claimledger.entity.EntityInput;
import org.claimledger.proposition.PropositionInput;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceCommand;
import org.claimledger.source.SourceInput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus turned into the same commands the HTTP API sends, in an order that lets each refer to
 * what comes before it: entities, propositions, sources (a source after those it derives from),
 * assessments, claims, retractions. Each step remembers the file and the place in it it came from.
 */
public final class ImportPlan {

    /** One command and where in the corpus it comes from. */
    public record Step(Object command, CorpusFile file, String pointer) {
        public int line() {
            return file.tree().lineOf(pointer);
        }
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    private ImportPlan() {
    }

    public static ImportPlan of(List<CorpusFile> files, ObjectMapper json) {
        ImportPlan plan = new ImportPlan();
        List<Step> entities = new ArrayList<>();
        List<Step> propositions = new ArrayList<>();
        Map<String, Step> sources = new LinkedHashMap<>();
        List<Step> assessments = new ArrayList<>();
        List<Step> claims = new ArrayList<>();
        List<Step> retractions = new ArrayList<>();
        for (CorpusFile file : files) {
            JsonNode root = file.tree().root();
            switch (file.kind()) {
                case ENTITIES -> each(file, "entities", (node, pointer) -> plan.step(entities, file, pointer,
                        () -> json.treeToValue(node, EntityInput.class).toDefine()));
                case PROPOSITIONS -> each(file, "propositions", (node, pointer) -> plan.step(propositions, file,
                        pointer, () -> json.treeToValue(node, PropositionInput.class).toDefine()));
                case SOURCE -> {
                    List<Step> registered = new ArrayList<>();
                    plan.step(registered, file, "/source",
                            () -> json.treeToValue(root.get("source"), SourceInput.class).toRegister());
                    if (registered.isEmpty()) {
                        continue;
                    }
                    var register = (SourceCommand.RegisterSource) registered.get(0).command();
                    String id = register.sourceId();
                    String expected = "sources/" + id + ".yaml";
                    if (!file.path().replace('\\', '/').endsWith(expected)) {
                        plan.problems.add(new ImportProblem(file.path(), file.tree().lineOf("/source/id"), "source.id",
                                "the file of source '" + id + "' must be named " + expected));
                    }
                    Step previous = sources.put(id, registered.get(0));
                    if (previous != null) {
                        plan.problems.add(new ImportProblem(file.path(), registered.get(0).line(), "source.id",
                                "source '" + id + "' is also defined in " + previous.file().path()));
                    }
                    each(file, "assessments", (node, pointer) -> plan.step(assessments, file, pointer, () ->
                            new SourceCommand.AssessSource(id, Grade.fromWire(node.path("grade").asText()),
                                    node.path("rationale").asText(), null, true)));
                    each(file, "claims", (node, pointer) -> plan.step(claims, file, pointer,
                            () -> json.treeToValue(node, ClaimInput.class).toRecord(id)));
                    JsonNode retraction = root.get("retraction");
                    if (retraction != null && !file.invalid("/retraction")) {
                        plan.step(retractions, file, "/retraction", () -> {
                            org.claimledger.common.Checks checks = new org.claimledger.common.Checks();
                            String reason = checks.text("reason", retraction.path("reason").asText(null), true,
                                    org.claimledger.common.Checks.MAX_LONG_TEXT);
                            var date = checks.parsed("date", retraction.path("date").asText(null), true,
                                    org.claimledger.common.PartialDate::parse);
                            checks.throwIfAny();
                            return new SourceCommand.RetractSource(id, reason, date, null);
                        });
                    }
                }
            }
        }
        plan.steps.addAll(entities);
        plan.steps.addAll(propositions);
        plan.steps.addAll(inDerivationOrder(sources));
        plan.steps.addAll(assessments);
        plan.steps.addAll(claims);
        plan.steps.addAll(retractions);
        return plan;
    }

    public List<Step> steps() {
        return steps;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** The problem a refused step came to, placed at the line of the field it names. */
    public static List<ImportProblem> problemsOf(Step step, Rejection rejection) {
        if (rejection.errors().isEmpty()) {
            return List.of(new ImportProblem(step.file().path(), step.line(), null, rejection.getMessage()));
        }
        List<ImportProblem> out = new ArrayList<>();
        for (FieldError e : rejection.errors()) {
            String pointer = step.pointer() + "/" + e.field().replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
            out.add(new ImportProblem(step.file().path(), step.file().tree().lineOf(pointer),
                    fieldName(step.pointer(), e.field()), e.message()));
        }
        return out;
    }

    private interface Item {
        void accept(JsonNode node, String pointer);
    }

    private interface Build {
        Object command() throws Exception;
    }

    private static void each(CorpusFile file, String array, Item item) {
        JsonNode items = file.tree().root().path(array);
        for (int i = 0; i < items.size(); i++) {
            String pointer = "/" + array + "/" + i;
            if (!file.invalid(pointer)) {
                item.accept(items.get(i), pointer);
            }
        }
    }

    private void step(List<Step> into, CorpusFile file, String pointer, Build build) {
        try {
            into.add(new Step(build.command(), file, pointer));
        } catch (Rejection r) {
            problems.addAll(problemsOf(new Step(null, file, pointer), r));
        } catch (Exception e) {
            problems.add(new ImportProblem(file.path(), file.tree().lineOf(pointer), pointer.substring(1),
                    e.getMessage()));
        }
    }

    private static String fieldName(String pointer, String field) {
        return pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.') + "." + field;
    }

    /** Sources that others derive from come first, so every derivation refers to something recorded. */
    private static List<Step> inDerivationOrder(Map<String, Step> sources) {
        List<Step> ordered = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String id : sources.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
            visit(id, sources, state, ordered);
        }
        return ordered;
    }

    private static void visit(String id, Map<String, Step> sources, Map<String, Integer> state, List<Step> ordered) {
        Step step = sources.get(id);
        if (step == null || state.getOrDefault(id, 0) != 0) {
            return; // not in this corpus, or already placed or being placed (a cycle: the aggregate will say so)
        }
        state.put(id, 1);
        for (String from : ((SourceCommand.RegisterSource) step.command()).details().derivedFrom()) {
            visit(from, sources, state, ordered);
        }
        state.put(id, 2);
        ordered.add(step);
    }
}
