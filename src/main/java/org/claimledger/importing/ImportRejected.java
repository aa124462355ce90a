package org.claimledger.importing;

import java.util.List;

/** A corpus refused whole: every problem found, with its file and line. Nothing was written. */
public class ImportRejected extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public ImportRejected(List<ImportProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the corpus; nothing was imported",
                null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
