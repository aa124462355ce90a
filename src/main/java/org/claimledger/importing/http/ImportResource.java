package org.claimledger.importing.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.common.Checks;
import org.claimledger.common.Rejection;
import org.claimledger.importing.Importer;
import org.claimledger.security.Caller;
import org.claimledger.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Corpus imports over HTTP: a bundle of files in the claims/ format, validated whole before anything is written. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
@org.claimledger.web.Idempotent
public class ImportResource {

    /** Files by their path under the corpus root ({@code krakow-1945/sources/konev-1969-memoir.yaml}) to YAML text. */
    public record Bundle(Map<String, String> files) {
    }

    /** How many files one bundle may carry. */
    public static final int MAX_FILES = 2000;

    @Inject
    Importer importer;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "importBundle", summary = "Import a bundle of corpus files",
            description = "Files in the claims/ format by their path in the corpus. The bundle is validated whole: "
                    + "200 with counts, or 422 listing every problem with its file and line, and nothing written.")
    @APIResponse(responseCode = "200", description = "Imported: what was new and what was there already",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Importer.Report.class)))
    @APIResponse(responseCode = "422", description = "The bundle has problems: each with its file and line; nothing was written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Importer.Report importBundle(Bundle bundle) {
        Checks checks = new Checks();
        if (bundle == null || bundle.files() == null || bundle.files().isEmpty()) {
            throw Rejection.invalid("files", "must map each file's path in the corpus to its YAML text");
        }
        if (bundle.files().size() > MAX_FILES) {
            checks.fail("files", "at most " + MAX_FILES + " files per import");
        }
        bundle.files().keySet().forEach(path -> {
            if (path.startsWith("/") || path.contains("..") || path.contains("\\") || path.length() > 300) {
                checks.fail("files", "'" + path + "' is not a relative path inside the corpus");
            }
        });
        checks.throwIfAny();
        return importer.importFiles(bundle.files(), caller.name());
    }
}
