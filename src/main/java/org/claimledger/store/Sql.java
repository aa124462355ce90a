package org.claimledger.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Small, explicit JDBC for the read models: statements with positional parameters, rows mapped by hand. */
public final class Sql {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("read model update failed: " + sql, e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read model query failed: " + sql, e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> rows = list(sql, row, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * The rows a query finds for {@code keys}, bound as one text array to its {@code ANY(?)}, mapped
     * by the key each row gives, in the query's order (a later row with the same key replaces an
     * earlier one). No keys, no query.
     */
    public <T> Map<String, T> byKey(String sql, Row<T> row, Function<T, String> key, Collection<String> keys) {
        Map<String, T> out = new LinkedHashMap<>();
        if (!keys.isEmpty()) {
            list(sql, row, (Object) keys.toArray(String[]::new)).forEach(t -> out.put(key.apply(t), t));
        }
        return out;
    }

    static void bind(Connection c, PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (a instanceof String[] texts) {
                ps.setArray(i + 1, c.createArrayOf("text", texts));
            } else if (a instanceof Json.Doc doc) {
                ps.setObject(i + 1, doc.json(), java.sql.Types.OTHER);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
