package org.claimledger.proposition.view;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.claimledger.readmodel.Projection;
import org.claimledger.readmodel.TablesCatchUp;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.proposition.PropositionEvent.PropositionDefined;
import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.time.Instant;

/** Keeps the list of propositions: the questions claims answer. */
@Singleton
@ProcessingGroup(PropositionProjection.NAME)
public class PropositionProjection implements Projection, TablesCatchUp {

    public static final String NAME = "propositions";

    private final Sql sql;
    private final BatchedWrites writes;

    @Inject
    public PropositionProjection(DataSource dataSource) {
        this.sql = new Sql(dataSource);
        this.writes = new BatchedWrites(dataSource);
    }

    @EventHandler
    void on(PropositionDefined event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue("recordedBy") String by) {
        PropositionDetails d = event.details();
        writes.add("proposition_view", """
                INSERT INTO proposition_view (id, subject, predicate, value_type, cardinality, label, version,
                                              defined_at, defined_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.propositionId(), d.subject(), d.predicate(), d.valueType().wire(), d.cardinality().wire(),
                d.label(), seq, at, by);
    }

    @Override
    public Tables tables() {
        return new Tables(writes, sql, java.util.List.of("proposition_view"));
    }

    @ResetHandler
    void reset() {
        sql.update("TRUNCATE proposition_view");
    }
}
