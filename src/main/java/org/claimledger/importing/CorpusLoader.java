package org.claimledger.importing;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.claimledger.axon.Projections;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.claimledger.store.Sql;

/**
 * Loads the seed corpus ({@code claims/}) into a new, empty ledger on its first start, so the
 * service answers about the Kraków disputes out of the box. A ledger that holds anything is left
 * alone: what historians have changed since is never overwritten.
 */
@ApplicationScoped
public class CorpusLoader {

    private static final Logger LOG = Logger.getLogger(CorpusLoader.class);

    @ConfigProperty(name = "claimledger.corpus.dir", defaultValue = "claims")
    String corpusDir;

    @ConfigProperty(name = "claimledger.corpus.load-into-empty-ledger", defaultValue = "true")
    boolean loadIntoEmptyLedger;

    @Inject
    Projections projections;

    @Inject
    Importer importer;

    @Inject
    DataSource dataSource;

    /** The advisory lock (any number of our own) under which a new ledger gets its corpus. */
    private static final long CORPUS_LOCK = 0x636c61696d73L;

    void onStart(@Observes @Priority(200) StartupEvent event) {
        Path root = Path.of(corpusDir);
        if (!loadIntoEmptyLedger || !Files.isDirectory(root)) {
            return;
        }
        // replicas starting together on a new ledger: one imports, the others wait and find it done
        QuarkusTransaction.requiringNew().run(() -> {
            new Sql(dataSource).one("SELECT pg_advisory_xact_lock(?)", rs -> true, CORPUS_LOCK);
            load(root);
        });
    }

    private void load(Path root) {
        if (projections.head() > 0) {
            LOG.debugf("The ledger already holds events; the corpus in %s is not imported again", root);
            return;
        }
        long started = System.nanoTime();
        try {
            Importer.Report report = importer.importFiles(CorpusFolder.all(root), "corpus-import");
            LOG.infof("Imported the corpus in %s into the new ledger: %d files, %d sources, %d propositions, "
                            + "%d claims (%d ms)", root.toAbsolutePath(), report.files(), report.sources(),
                    report.propositions(), report.claims(), (System.nanoTime() - started) / 1_000_000);
        } catch (ImportRejected rejected) {
            rejected.problems().forEach(p -> LOG.errorf("%s:%s %s %s", p.file(), p.line(),
                    p.field() == null ? "" : p.field(), p.message()));
            throw rejected;
        }
    }
}
