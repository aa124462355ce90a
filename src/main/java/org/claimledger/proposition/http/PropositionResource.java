package org.claimledger.proposition.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.common.Rejection;
import org.claimledger.proposition.PropositionCommand;
import org.claimledger.proposition.PropositionInput;
import org.claimledger.proposition.view.PropositionQueries;
import org.claimledger.web.Caller;
import org.claimledger.web.Etags;
import org.claimledger.web.LedgerWriter;
import org.claimledger.web.Written;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Propositions: the questions claims answer. */
@Path("/api/propositions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Propositions")
public class PropositionResource {

    @Inject
    LedgerWriter writer;

    @Inject
    PropositionQueries queries;

    @POST
    @Operation(summary = "Define a proposition (same again: 200; otherwise under the same id: 409)")
    public Response define(PropositionInput input) {
        if (input == null) {
            throw Rejection.invalid("body", "is required");
        }
        PropositionCommand.DefineProposition command = input.toDefine();
        return Written.of(command.propositionId(), writer.send(command, Caller.name())).created("/api/propositions");
    }

    @GET
    @Path("{id: .+}")
    @Operation(summary = "A proposition with its live claims")
    public Response proposition(@PathParam("id") String id) {
        return queries.proposition(id)
                .map(p -> Response.ok(p).tag(Etags.of(p.version())).build())
                .orElseThrow(() -> Rejection.notFound("proposition", id, null));
    }
}
