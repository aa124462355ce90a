package org.claimledger.proposition.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.claim.view.ClaimQueries;
import org.claimledger.claim.view.ClaimView;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads propositions with the live claims about them. */
@ApplicationScoped
public class PropositionQueries {

    /** A proposition and what is claimed about it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PropositionView(String id, String subject, String predicate, String valueType, String cardinality,
                                  String label, long version, Instant definedAt, String definedBy,
                                  List<ClaimView> claims) {
    }

    private final Sql sql;
    private final ClaimQueries claims;

    @Inject
    public PropositionQueries(DataSource dataSource, ClaimQueries claims) {
        this.sql = new Sql(dataSource);
        this.claims = claims;
    }

    public Optional<PropositionView> proposition(String id) {
        return sql.one("SELECT * FROM proposition_view WHERE id = ?", rs -> new PropositionView(
                        rs.getString("id"), rs.getString("subject"), rs.getString("predicate"),
                        rs.getString("value_type"), rs.getString("cardinality"), rs.getString("label"),
                        rs.getLong("version"), Sql.instant(rs, "defined_at"), rs.getString("defined_by"),
                        claims.liveAbout(id)), id);
    }
}
