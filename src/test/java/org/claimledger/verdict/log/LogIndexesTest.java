package org.claimledger.verdict.log;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.source.SourceEvent;
import org.claimledger.store.Sql;
import org.claimledger.verdict.Dossier;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds of event a verdict reads are listed once, by the fold. The log reader's SQL takes them
 * from there; the partial indexes that make its reads fast were written in migrations, so this
 * compares them with the fold's list as PostgreSQL holds them: a kind added to a family without a
 * migration that indexes it fails here.
 */
@QuarkusTest
class LogIndexesTest {

    @Inject
    DataSource dataSource;

    @Test
    void the_log_indexes_cover_exactly_the_source_and_claim_kinds_the_fold_reads() {
        assertThat(kindsIndexedBy("domain_event_entry_verdict_sources"))
                .containsExactlyInAnyOrderElementsOf(Dossier.kindsOf(SourceEvent.class));
        assertThat(kindsIndexedBy("domain_event_entry_claim_proposition"))
                .containsExactlyInAnyOrderElementsOf(Dossier.kindsOf(ClaimEvent.class));
    }

    @Test
    void the_log_reader_asks_for_exactly_the_kinds_the_fold_reads() {
        assertThat(VerdictLog.SOURCE_KINDS).isEqualTo(VerdictLog.inList(Dossier.kindsOf(SourceEvent.class)));
        assertThat(VerdictLog.SOURCE_KINDS).contains("'SourceRetracted'", "'SourceReinstated'");
        assertThat(VerdictLog.CLAIM_KINDS).contains("'ClaimRecorded'", "'ClaimRevised'", "'ClaimWithdrawn'");
        assertThat(VerdictLog.WORDED_KINDS).isEqualTo("'ClaimRecorded', 'ClaimRevised'");
    }

    private Set<String> kindsIndexedBy(String index) {
        String definition = new Sql(dataSource).one("SELECT indexdef FROM pg_indexes WHERE indexname = ?",
                rs -> rs.getString(1), index).orElseThrow(() -> new AssertionError("no index " + index));
        Set<String> kinds = new TreeSet<>();
        Matcher m = Pattern.compile("'([A-Za-z]+)'").matcher(definition.substring(definition.indexOf("WHERE")));
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }
}
