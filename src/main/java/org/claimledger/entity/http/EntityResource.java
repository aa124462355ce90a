package org.claimledger.entity.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.common.Checks;
import org.claimledger.common.Rejection;
import org.claimledger.entity.EntityCommand;
import org.claimledger.entity.EntityInput;
import org.claimledger.entity.view.EntityQueries;
import org.claimledger.security.Caller;
import org.claimledger.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.claimledger.web.Etags;
import org.claimledger.web.LedgerWriter;
import org.claimledger.web.Written;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Entities: the people, places, units, organisations and events propositions are about. */
@Path("/api/entities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Entities")
public class EntityResource {

    /** Entities found by name. */
    public record Found(String q, List<EntityQueries.EntityView> entities) {
    }

    @Inject
    LedgerWriter writer;

    @Inject
    Caller caller;

    @Inject
    EntityQueries queries;

    @POST
    @Operation(summary = "Define an entity (same again: 200; otherwise under the same id: 409)")
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response define(EntityInput input) {
        if (input == null) {
            throw Rejection.invalid("body", "is required");
        }
        EntityCommand.DefineEntity command = input.toDefine();
        return Written.of(command.entityId(), writer.send(command, caller.name())).created("/api/entities");
    }

    @GET
    @Operation(summary = "Find entities by any of their names, ignoring case and diacritics (krakow finds Kraków)")
    public Found search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        Checks checks = new Checks();
        checks.text("q", q, true, 200);
        checks.between("limit", limit, 1, 200);
        checks.throwIfAny();
        return new Found(q, queries.search(q, limit));
    }

    @GET
    @Path("{id: .+}")
    @Operation(summary = "One entity with its labels and aliases")
    public Response entity(@PathParam("id") String id) {
        return queries.entity(id)
                .map(e -> Response.ok(e).tag(Etags.of(e.version())).build())
                .orElseThrow(() -> Rejection.notFound("entity", id, null));
    }
}
