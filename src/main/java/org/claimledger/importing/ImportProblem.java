package org.claimledger.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing wrong with a corpus: in which file, at which line, which field, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportProblem(String file, Integer line, String field, String message) {
}
