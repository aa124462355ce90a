package org.claimledger.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.annotation.security.RolesAllowed;
import org.claimledger.axon.Projections;
import org.claimledger.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Operations on the read models: where each stands, and rebuilding one from the event log. */
@Path("/api/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
@Idempotent
public class AdminResource {

    @Inject
    Projections projections;

    @GET
    @Operation(operationId = "listReadModels", summary = "Where each read model stands",
            description = "Each read model's position in the event log against the log's head, and its work.")
    @APIResponse(responseCode = "200", description = "Every read model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = Projections.Status.class)))
    @org.jboss.resteasy.reactive.Cache(noStore = true) // the state of the machinery, now
    public List<Projections.Status> status() {
        return projections.status();
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "readReadModel", summary = "Where one read model stands",
            description = "Its position in the event log; poll it to follow a rebuild.")
    @APIResponse(responseCode = "200", description = "The read model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Projections.Status.class)))
    @org.jboss.resteasy.reactive.Cache(noStore = true) // the state of the machinery, now
    public Projections.Status status(@PathParam("name") String name) {
        return projections.status(name);
    }

    @POST
    @Path("{name}/rebuild")
    @Operation(operationId = "rebuildReadModel", summary = "Rebuild a read model from the event log",
            description = "Empties it and replays the whole log into it; answers at once: poll its status.")
    @APIResponse(responseCode = "202", description = "The rebuild has started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Projections.Status.class)))
    public Response rebuild(@PathParam("name") String name) {
        return Response.accepted(projections.rebuild(name)).build();
    }
}
