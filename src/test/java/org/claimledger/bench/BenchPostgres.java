package org.claimledger.bench;

import org.claimledger.axon.EventRows;
import org.claimledger.axon.EventRows.Row;
import org.claimledger.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * The PostgreSQL every figure of a benchmark run is measured on: the embedded one (durable, as
 * the service runs it) or an external server ({@code -Dbench.pg=jdbc:postgresql://host:5432/}
 * with {@code -Dbench.pg-user} and {@code -Dbench.pg-password}). Each part of the run gets a
 * database of its own, made afresh.
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    final String baseUrl;
    final String user;
    final String password;

    private BenchPostgres(EmbeddedPostgres embedded, String baseUrl, String user, String password) {
        this.embedded = embedded;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.user = user;
        this.password = password;
    }

    static BenchPostgres start(Path dataDir) {
        String external = System.getProperty("bench.pg");
        if (external != null && !external.isBlank()) {
            return new BenchPostgres(null, external, System.getProperty("bench.pg-user", "postgres"),
                    System.getProperty("bench.pg-password", "postgres"));
        }
        EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir);
        String url = pg.jdbcUrl();
        return new BenchPostgres(pg, url.substring(0, url.lastIndexOf('/') + 1), "postgres", "postgres");
    }

    String describe() {
        return embedded == null ? "external PostgreSQL at " + baseUrl
                : "embedded PostgreSQL 17 (fsync, synchronous_commit and full_page_writes on)";
    }

    String url(String database) {
        return baseUrl + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?reWriteBatchedInserts=true", user, password);
    }

    void recreate(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    /** A table shaped and indexed exactly like the event table (V1 and V3 of the migrations). */
    static void createFloorTable(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("""
                    CREATE TABLE %1$s (
                        global_index BIGSERIAL NOT NULL PRIMARY KEY,
                        event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL,
                        type VARCHAR(255),
                        time_stamp VARCHAR(255) NOT NULL,
                        payload_type VARCHAR(255) NOT NULL,
                        payload_revision VARCHAR(255),
                        payload JSONB NOT NULL,
                        meta_data JSONB,
                        UNIQUE (aggregate_identifier, sequence_number))""".formatted(table));
            s.execute("""
                    CREATE INDEX %1$s_claim_proposition ON %1$s
                        ((COALESCE(payload ->> 'propositionId', payload -> 'content' ->> 'propositionId')), global_index)
                        WHERE payload_type IN ('ClaimRecorded', 'ClaimRevised', 'ClaimWithdrawn')""".formatted(table));
            s.execute("""
                    CREATE INDEX %1$s_sources ON %1$s (global_index)
                        WHERE payload_type IN ('SourceRegistered', 'SourceRevised', 'SourceAssessed')""".formatted(table));
        }
    }

    static final String INSERT = "INSERT INTO %s (" + EventRows.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))";

    static void bind(PreparedStatement ps, Row r) throws SQLException {
        ps.setString(1, r.eventId());
        ps.setString(2, r.aggregateId());
        ps.setLong(3, r.seq());
        ps.setString(4, r.aggregateType());
        ps.setString(5, r.timestamp());
        ps.setString(6, r.payloadType());
        ps.setString(7, r.revision());
        ps.setString(8, r.payload());
        ps.setString(9, r.metaData());
    }

    /** Streams rows into a table with COPY, numbering them from the table's sequence; one transaction. */
    static long copy(Connection c, String table, Consumer<Consumer<Row>> rows) throws SQLException {
        c.setAutoCommit(false);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + EventRows.COLUMNS + ") FROM STDIN (FORMAT csv)");
        long[] count = {0};
        StringBuilder chunk = new StringBuilder(1 << 20);
        try {
            rows.accept(r -> {
                csv(chunk, r.eventId()).append(',');
                csv(chunk, r.aggregateId()).append(',').append(r.seq()).append(',');
                csv(chunk, r.aggregateType()).append(',');
                csv(chunk, r.timestamp()).append(',');
                csv(chunk, r.payloadType()).append(',');
                csv(chunk, r.revision()).append(',');
                csv(chunk, r.payload()).append(',');
                csv(chunk, r.metaData()).append('\n');
                count[0]++;
                if (chunk.length() > (1 << 20)) {
                    write(copy, chunk);
                }
            });
            write(copy, chunk);
            copy.endCopy();
            c.commit();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            c.setAutoCommit(true);
        }
        return count[0];
    }

    private static void write(CopyIn copy, StringBuilder chunk) {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        chunk.setLength(0);
    }

    private static StringBuilder csv(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        return out.append('"');
    }

    /** Reads every row and column of a table in index order, as an application would; returns rows. */
    static long readAll(Connection c, String table) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT global_index, " + EventRows.COLUMNS
                + " FROM " + table + " ORDER BY global_index")) {
            ps.setFetchSize(5000);
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    for (int i = 2; i <= 10; i++) {
                        rs.getString(i);
                    }
                    rows++;
                }
            }
            return rows;
        } finally {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of the first row, or null. */
    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<Row> generate(int claims) {
        List<Row> rows = new java.util.ArrayList<>();
        new SyntheticLedger("floor").upTo(claims, rows::add);
        return rows;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
