package org.claimledger.source.view;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.claimledger.bibliography.ChicagoCitations;
import org.claimledger.readmodel.Projection;
import org.claimledger.readmodel.TablesCatchUp;
import org.claimledger.source.SourceDetails;
import org.claimledger.source.SourceEvent;
import org.claimledger.source.SourceEvent.SourceAssessed;
import org.claimledger.source.SourceEvent.SourceRegistered;
import org.claimledger.source.SourceEvent.SourceRevised;
import org.claimledger.store.Json;
import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.time.Instant;

/** Keeps the source profiles: what each source is, its current grade, and its history of changes and grades. */
@Singleton
@ProcessingGroup(SourceProjection.NAME)
public class SourceProjection implements Projection, TablesCatchUp {

    public static final String NAME = "sources";

    private final Sql sql;
    private final BatchedWrites writes;

    @Inject
    public SourceProjection(DataSource dataSource) {
        this.sql = new Sql(dataSource);
        this.writes = new BatchedWrites(dataSource);
    }

    @EventHandler
    void on(SourceRegistered event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue("recordedBy") String by) {
        SourceDetails d = event.details();
        var cited = ChicagoCitations.render(event.sourceId(), d);
        writes.add("source_view", """
                INSERT INTO source_view (id, title, authors, kind, published, language, origin, derived_from, citation,
                                         grade, version, registered_at, registered_by, updated_at,
                                         bibliography, citation_formatted, citation_html)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'F', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                event.sourceId(), d.title(), Json.doc(d.authors()), d.kind().wire(),
                d.published() == null ? null : d.published().toString(), d.language(), d.origin(),
                Json.doc(d.derivedFrom()), d.citation(), seq, at, by, at,
                d.bibliography() == null ? null : Json.doc(d.bibliography()), cited.text(), cited.html());
        history(event.sourceId(), seq, "registered", null, null, null, at, by);
    }

    @EventHandler
    void on(SourceRevised event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue("recordedBy") String by) {
        SourceDetails d = event.details();
        var cited = ChicagoCitations.render(event.sourceId(), d);
        writes.add("source_view", """
                UPDATE source_view SET title = ?, authors = ?, kind = ?, published = ?, language = ?, origin = ?,
                       derived_from = ?, citation = ?, version = ?, updated_at = ?,
                       bibliography = ?, citation_formatted = ?, citation_html = ?
                 WHERE id = ? AND version < ?""",
                d.title(), Json.doc(d.authors()), d.kind().wire(),
                d.published() == null ? null : d.published().toString(), d.language(), d.origin(),
                Json.doc(d.derivedFrom()), d.citation(), seq, at,
                d.bibliography() == null ? null : Json.doc(d.bibliography()), cited.text(), cited.html(),
                event.sourceId(), seq);
        history(event.sourceId(), seq, "revised", null, null, event.reason(), at, by);
    }

    @EventHandler
    void on(SourceAssessed event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue("recordedBy") String by) {
        writes.add("source_view", "UPDATE source_view SET grade = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                event.grade().wire(), seq, at, event.sourceId(), seq);
        history(event.sourceId(), seq, "assessed", event.grade().wire(), event.rationale(), null, at, by);
    }

    @EventHandler
    void on(SourceEvent.SourceRetracted event, @SequenceNumber long seq, @Timestamp Instant at) {
        var retraction = Json.MAPPER.createObjectNode().put("reason", event.reason())
                .put("date", event.date().toString()).put("recordedBy", event.recordedBy()).put("recordedAt", at.toString());
        writes.add("source_view", "UPDATE source_view SET retraction = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                Json.doc(retraction), seq, at, event.sourceId(), seq);
        history(event.sourceId(), seq, "retracted", null, null, event.reason(), event.date().toString(), at,
                event.recordedBy());
    }

    @EventHandler
    void on(SourceEvent.SourceReinstated event, @SequenceNumber long seq, @Timestamp Instant at) {
        writes.add("source_view", "UPDATE source_view SET retraction = NULL, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                seq, at, event.sourceId(), seq);
        history(event.sourceId(), seq, "reinstated", null, null, event.reason(), null, at, event.recordedBy());
    }

    private void history(String sourceId, long seq, String kind, String grade, String rationale, String reason,
                         Instant at, String by) {
        history(sourceId, seq, kind, grade, rationale, reason, null, at, by);
    }

    private void history(String sourceId, long seq, String kind, String grade, String rationale, String reason,
                         String date, Instant at, String by) {
        writes.add("source_history_view", """
                INSERT INTO source_history_view (source_id, seq, kind, grade, rationale, reason, date, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                sourceId, seq, kind, grade, rationale, reason, date, at, by);
    }

    @Override
    public Tables tables() {
        return new Tables(writes, sql, java.util.List.of("source_view", "source_history_view"));
    }

    @ResetHandler
    void reset() {
        sql.update("TRUNCATE source_view, source_history_view");
    }
}
