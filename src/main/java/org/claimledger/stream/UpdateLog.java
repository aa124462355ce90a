package org.claimledger.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.store.Sql;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/** Reads the update feed table in stream order. */
@ApplicationScoped
public class UpdateLog {

    private final Sql sql;

    @Inject
    public UpdateLog(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    public List<Update> after(Cursor cursor, UpdateFilter filter, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(cursor.position());
        args.add(cursor.seq());
        String where = filter.where(args);
        args.add(limit);
        return sql.list("SELECT position, seq, type, proposition_id, subject, source_id, recorded_at, data::text"
                        + " FROM update_feed WHERE (position, seq) > (?, ?) AND " + where
                        + " ORDER BY position, seq LIMIT ?",
                rs -> new Update(new Cursor(rs.getLong(1), rs.getInt(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Sql.instant(rs, "recorded_at"), rs.getString(8)),
                args.toArray());
    }

    /** The newest place in the stream (the start when it is empty). */
    public Cursor head() {
        return sql.one("SELECT position, seq FROM update_feed ORDER BY position DESC, seq DESC LIMIT 1",
                rs -> new Cursor(rs.getLong(1), rs.getInt(2))).orElse(Cursor.START);
    }
}
