package org.claimledger.web;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.ext.Provider;
import org.claimledger.importing.ImportRejected;

import java.net.URI;

/** A refused import: 422, every problem with its file and line, nothing written. */
@Provider
public class ImportRejectedMapper extends ExceptionMapperBase<ImportRejected> {

    @Override
    protected HttpProblem toProblem(ImportRejected rejected) {
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/import-rejected"))
                .withStatus(422)
                .withTitle("Corpus refused")
                .withDetail(rejected.getMessage())
                .with("errors", rejected.problems())
                .build();
    }
}
