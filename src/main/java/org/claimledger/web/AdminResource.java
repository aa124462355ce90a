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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Operations on the read models: where each stands, and rebuilding one from the event log. */
@Path("/api/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    @Inject
    Projections projections;

    @GET
    @Operation(summary = "Each read model's position in the event log against the log's head")
    public List<Projections.Status> status() {
        return projections.status();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One read model's position; poll it to follow a rebuild")
    public Projections.Status status(@PathParam("name") String name) {
        return projections.status(name);
    }

    @POST
    @Path("{name}/rebuild")
    @Operation(summary = "Empty a read model and replay the whole event log into it (answers at once; poll its status)")
    public Response rebuild(@PathParam("name") String name) {
        return Response.accepted(projections.rebuild(name)).build();
    }
}
