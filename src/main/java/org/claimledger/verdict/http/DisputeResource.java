package org.claimledger.verdict.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.common.Checks;
import org.claimledger.verdict.view.VerdictQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What is disputed: contested propositions, the most recently changed first. */
@Path("/api/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Propositions")
public class DisputeResource {

    @Inject
    VerdictQueries verdicts;

    @GET
    @Operation(operationId = "listDisputes", summary = "Contested propositions",
            description = "The propositions whose verdict is contested, most recently changed first; paged with "
                    + "limit and the cursor the previous page gave as next.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerdictQueries.Page.class)))
    @org.jboss.resteasy.reactive.Cache(maxAge = 10) // a list moves with every record: kept briefly, then asked again
    public VerdictQueries.Page disputes(@QueryParam("limit") @DefaultValue("50") int limit,
                                        @QueryParam("cursor") String cursor) {
        Checks checks = new Checks();
        checks.between("limit", limit, 1, 200);
        checks.throwIfAny();
        return verdicts.disputes(limit, cursor);
    }
}
