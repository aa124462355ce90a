package org.claimledger.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.claimledger.common.Outcome;

import java.net.URI;

/** The answer to a write: what was written, its version, and whether it was new. */
public record Written(String id, long version, boolean recorded) {

    public static Written of(String id, Outcome outcome) {
        return new Written(id, outcome.version(), outcome.changed());
    }

    /** 201 with Location for something new, 200 for a replay of what was already there. */
    public Response created(String collectionPath) {
        Response.ResponseBuilder answer = recorded
                ? Response.created(location(collectionPath, id))
                : Response.ok();
        return answer.tag(Etags.of(version)).entity(this).build();
    }

    public Response ok() {
        return Response.ok(this).tag(Etags.of(version)).build();
    }

    public static URI location(String collectionPath, String id) {
        return UriBuilder.fromPath(collectionPath).path(id).build();
    }
}
