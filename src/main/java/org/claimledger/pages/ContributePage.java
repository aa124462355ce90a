package org.claimledger.pages;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.quarkus.qute.TemplateInstance;
import org.claimledger.source.SourceKind;
import org.claimledger.source.view.SourceQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** How to contribute: the token, and the form to register a source (claims are recorded on a proposition's page). */
@Path("/contribute")
@Tag(name = "Pages")
public class ContributePage {

    /** A kind of source a contributor may choose, as a historian files it. */
    public record KindChoice(String kind, String words) {
    }

    /** The page's data. */
    public record Forms(List<KindChoice> kinds, List<String> origins, List<SourceQueries.SourceBrief> sources) {
    }

    @Inject
    SourceQueries sources;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "How to contribute (HTML): the token, and a form to register a source")
    public TemplateInstance page() {
        List<SourceQueries.SourceBrief> known = sources.briefs(1000);
        TreeSet<String> origins = new TreeSet<>(List.of("independent"));
        known.forEach(s -> origins.add(s.origin()));
        List<KindChoice> kinds = Arrays.stream(SourceKind.values()).map(k -> new KindChoice(k.wire(), Wording.words(k.wire())))
                .toList();
        return Templates.contribute(new Forms(kinds, List.copyOf(origins), known));
    }
}
