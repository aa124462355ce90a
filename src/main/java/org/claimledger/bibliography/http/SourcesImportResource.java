package org.claimledger.bibliography.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimledger.bibliography.BibliographyFile;
import org.claimledger.bibliography.Malformed;
import org.claimledger.bibliography.SourcesImportPlan;
import org.claimledger.bibliography.SourcesImporter;
import org.claimledger.security.Caller;
import org.claimledger.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Sources from a bibliography: a Zotero CSL-JSON export or a BibTeX file, as it is. */
@Path("/api/imports/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
@org.claimledger.web.Idempotent
public class SourcesImportResource {

    static final String CSL_JSON = "application/vnd.citationstyles.csl+json";
    static final String BIBTEX = "application/x-bibtex";
    static final String BIBTEX_TEXT = "text/x-bibtex";

    @Inject
    SourcesImporter importer;

    @Inject
    Caller caller;

    /** The largest bibliography accepted, in bytes (a Zotero library of some thousands of items). */
    @ConfigProperty(name = "claimledger.imports.sources.max-bytes", defaultValue = "5242880")
    long maxBytes;

    @POST
    @Consumes({CSL_JSON, MediaType.APPLICATION_JSON, BIBTEX, BIBTEX_TEXT})
    @Operation(operationId = "importSources", summary = "Import sources from a bibliography",
            description = "The file as it is: CSL-JSON (Zotero's export, an array of items, or the web API's {\"items\": [...]}) "
                    + "or BibTeX, chosen by Content-Type. By default a dry run: the plan lists every entry and whether it would be "
                    + "registered, corrected (with the fields that change) or left unchanged, and nothing is written. With "
                    + "commit=true all of it is written in one transaction (201 when something was written, 200 when nothing "
                    + "changed). A malformed file is refused with 400, entries with problems with 422 naming each entry and "
                    + "field, a file over the size limit with 413; nothing is written in any of these cases.")
    @RequestBody(required = true, description = "The bibliography file",
            content = {
                    @Content(mediaType = CSL_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = java.util.Map.class, description = "CSL-JSON items")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = java.util.Map.class, description = "CSL-JSON items")),
                    @Content(mediaType = BIBTEX, schema = @Schema(type = SchemaType.STRING, description = "BibTeX entries")),
                    @Content(mediaType = BIBTEX_TEXT, schema = @Schema(type = SchemaType.STRING, description = "BibTeX entries"))})
    @APIResponse(responseCode = "200", description = "The plan: a dry run, or a commit that found nothing to change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourcesImportPlan.class)))
    @APIResponse(responseCode = "201", description = "Committed: the plan as written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourcesImportPlan.class)))
    @APIResponse(responseCode = "400", description = "The file is not CSL-JSON or BibTeX that can be read; nothing was written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "Entries with problems, each with its entry and field; nothing was written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
    public Response importSources(
            @Parameter(description = "true: write it; false (the default): only show what would be written")
            @QueryParam("commit") boolean commit,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        if (body != null && body.length > maxBytes) {
            throw problem(413, "too-large", "Bibliography too large", "the file has " + body.length
                    + " bytes; at most " + maxBytes + " are taken in one import: split the library");
        }
        if (body == null || body.length == 0) {
            throw problem(400, "malformed-bibliography", "Not a bibliography", "the body is empty: send the file itself");
        }
        BibliographyFile.Format format = BibliographyFile.Format.ofMediaType(contentType);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw problem(400, "malformed-bibliography", "Not a bibliography", "the file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            SourcesImportPlan plan = importer.importFile(text, format, commit, caller.name());
            boolean written = commit && plan.register() + plan.correct() > 0;
            return Response.status(written ? 201 : 200).entity(plan).build();
        } catch (Malformed malformed) {
            throw problem(400, "malformed-bibliography", "Not a bibliography", malformed.getMessage());
        } catch (SourcesImporter.EntriesRefused refused) {
            throw HttpProblem.builder()
                    .withType(URI.create("https://claimledger.org/problems/bibliography-refused"))
                    .withStatus(422)
                    .withTitle("Bibliography refused")
                    .withDetail(refused.getMessage())
                    .with("errors", refused.errors())
                    .build();
        }
    }

    private static HttpProblem problem(int status, String type, String title, String detail) {
        return HttpProblem.builder().withType(URI.create("https://claimledger.org/problems/" + type))
                .withStatus(status).withTitle(title).withDetail(detail).build();
    }
}
