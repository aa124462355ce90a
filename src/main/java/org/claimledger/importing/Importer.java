package org.claimledger.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.claim.ClaimCommand;
import org.claimledger.entity.EntityCommand;
import org.claimledger.proposition.PropositionCommand;
import org.claimledger.source.SourceCommand;
import org.claimledger.web.LedgerWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports a corpus safely: every file read and checked against its schema, every entry turned into
 * the commands the API sends and tried in one transaction; any problem anywhere and nothing is
 * written, and the answer lists every problem with its file and line. Ids make every entry
 * idempotent, so importing the same corpus twice changes nothing.
 */
@ApplicationScoped
public class Importer {

    /** What an import did: how many entries of each kind it read, and how many were new. */
    public record Report(int files, int entities, int propositions, int sources, int assessments, int claims,
                         int recorded, int unchanged) {
    }

    @Inject
    LedgerWriter writer;

    @Inject
    ObjectMapper json;

    /** Imports files given as path (relative to the corpus root) to YAML text. */
    public Report importFiles(Map<String, String> files, String recordedBy) {
        CorpusReader.Result read = CorpusReader.read(files);
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        ImportPlan plan = ImportPlan.of(read.files(), json);
        problems.addAll(plan.problems());
        List<ImportPlan.Step> steps = plan.steps();
        // with problems already found the commands are still tried, for the problems they would meet,
        // but rolled back whatever happens
        List<LedgerWriter.Attempt> attempts = writer.attemptAll(steps.stream().map(ImportPlan.Step::command).toList(),
                recordedBy, !problems.isEmpty());
        int recorded = 0;
        for (int i = 0; i < steps.size(); i++) {
            LedgerWriter.Attempt attempt = attempts.get(i);
            if (attempt.rejection() != null) {
                problems.addAll(ImportPlan.problemsOf(steps.get(i), attempt.rejection()));
            } else if (attempt.outcome().changed()) {
                recorded++;
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems);
        }
        return new Report(files.size(), count(steps, EntityCommand.class), count(steps, PropositionCommand.class),
                count(steps, SourceCommand.RegisterSource.class), count(steps, SourceCommand.AssessSource.class),
                count(steps, ClaimCommand.class), recorded, steps.size() - recorded);
    }

    private static int count(List<ImportPlan.Step> steps, Class<?> type) {
        return (int) steps.stream().filter(s -> type.isInstance(s.command())).count();
    }
}
