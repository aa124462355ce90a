package org.claimledger.web;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.ext.Provider;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** A command addressed to something never recorded: 404 naming it (its stream is "kind:id"). */
@Provider
public class AxonNotFoundMapper extends ExceptionMapperBase<AggregateNotFoundException> {

    @Override
    protected HttpProblem toProblem(AggregateNotFoundException e) {
        String stream = String.valueOf(e.getAggregateIdentifier());
        int colon = stream == null ? -1 : stream.indexOf(':');
        String detail = colon < 0 ? "not found"
                : stream.substring(0, colon) + " '" + stream.substring(colon + 1) + "' does not exist";
        return HttpProblem.builder().withStatus(404).withTitle("Not found").withDetail(detail).build();
    }
}
