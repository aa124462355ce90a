package org.claimledger.claim.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/** Reads claims: one, all of a source's, or the live ones about a proposition. */
@ApplicationScoped
public class ClaimQueries {

    private final Sql sql;

    @Inject
    public ClaimQueries(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    public Optional<ClaimView> claim(String claimId) {
        return sql.one("SELECT " + ClaimView.COLUMNS + " FROM claim_view WHERE id = ?", ClaimView::from, claimId);
    }

    public List<ClaimView> ofSource(String sourceId) {
        return sql.list("SELECT " + ClaimView.COLUMNS + " FROM claim_view WHERE source_id = ? ORDER BY id",
                ClaimView::from, sourceId);
    }

    public List<ClaimView> liveAbout(String propositionId) {
        return sql.list("SELECT " + ClaimView.COLUMNS
                        + " FROM claim_view WHERE proposition_id = ? AND NOT withdrawn ORDER BY id",
                ClaimView::from, propositionId);
    }

    /** Claims about the proposition that their sources' recorders withdrew: kept, shown, never counted. */
    public List<ClaimView> withdrawnAbout(String propositionId) {
        return sql.list("SELECT " + ClaimView.COLUMNS
                        + " FROM claim_view WHERE proposition_id = ? AND withdrawn ORDER BY id",
                ClaimView::from, propositionId);
    }
}
