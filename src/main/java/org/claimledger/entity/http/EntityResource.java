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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Entities: the people, places, units, organisations and events propositions are about. */
@Path("/api/entities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Entities")
@org.claimledger.web.Idempotent
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
    @Operation(operationId = "defineEntity", summary = "Define an entity",
            description = "A person, place, unit, organisation or event, with its names in several languages. "
                    + "The same again: 200; another definition under the same id: 409.")
    @APIResponse(responseCode = "201", description = "Defined", headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @APIResponse(responseCode = "200", description = "Already defined so: nothing new", headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Written.class)))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response define(EntityInput input) {
        if (input == null) {
            throw Rejection.invalid("body", "is required");
        }
        EntityCommand.DefineEntity command = input.toDefine();
        return Written.of(command.entityId(), writer.send(command, caller.name())).created("/api/entities");
    }

    @GET
    @Operation(operationId = "findEntities", summary = "Find entities by name",
            description = "By any of their labels and aliases, ignoring case and diacritics (krakow finds Kraków).")
    @APIResponse(responseCode = "200", description = "The entities found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Found.class)))
    @org.jboss.resteasy.reactive.Cache(maxAge = 10) // a list moves with every record: kept briefly, then asked again
    public Found search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        Checks checks = new Checks();
        checks.text("q", q, true, 200);
        checks.between("limit", limit, 1, 200);
        checks.throwIfAny();
        return new Found(q, queries.search(q, limit));
    }

    @GET
    @Path("{id: .+}")
    @Operation(operationId = "readEntity", summary = "One entity with its labels and aliases",
            description = "The entity as defined: its kind, its labels by language, its aliases.")
    @APIResponse(responseCode = "200", description = "The entity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityQueries.EntityView.class)))
    public Response entity(@PathParam("id") String id) {
        return queries.entity(id)
                .map(e -> Response.ok(e).tag(Etags.of(e.version())).build())
                .orElseThrow(() -> Rejection.notFound("entity", id, null));
    }
}
