package org.claimledger.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages' templates (src/main/resources/templates/pages), checked against their data when the service is built. */
@CheckedTemplate(basePath = "pages")
final class Templates {

    private Templates() {
    }

    static native TemplateInstance board(BoardPage.Board board);

    static native TemplateInstance board$rows(BoardPage.Board board);

    static native TemplateInstance proposition(PropositionPage.Sheet page);

    static native TemplateInstance proposition$verdict(PropositionPage.Sheet page);

    static native TemplateInstance source(SourcePage.Profile page);

    static native TemplateInstance contribute(ContributePage.Forms page);

    static native TemplateInstance missing(String what, String id);

    static native TemplateInstance search(SearchPage.Results page);

    /** What every page serves its script: the update types to listen for (stream.UpdateType, listed once). */
    @io.quarkus.qute.TemplateGlobal
    static String updateTypes() {
        return String.join(",", org.claimledger.stream.UpdateType.names());
    }
}
