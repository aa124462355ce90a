package org.claimledger.linkeddata;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;

/**
 * A question page's verdict as the ClaimReview search engines and fact-check tools read, embedded
 * in the page's head ({@code templates/linkeddata/claim-review.html}): the same node as the export's.
 */
@ApplicationScoped
public class ClaimReviewEmbed {

    @Inject
    LinkedData linkedData;

    @Inject
    PublicBase publicBase;

    /** The page with its ClaimReview, when the proposition has a verdict. */
    public TemplateInstance into(TemplateInstance page, String propositionId, UriInfo uri) {
        return page.data("claimReview", linkedData.pageEmbed(propositionId, publicBase.of(uri)));
    }
}
