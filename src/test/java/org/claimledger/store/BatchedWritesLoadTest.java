package org.claimledger.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * New rows loaded with COPY while a catch-up holds the writes arrive as the same rows an INSERT
 * gives, whatever their text holds (tabs, line ends, backslashes, quotes, letters beyond ASCII,
 * nulls, JSON), in order with the statements queued after them, sent behind or at once.
 */
@QuarkusTest
class BatchedWritesLoadTest {

    private static final String INSERT = "INSERT INTO load_test (id, note, doc, flag, n, at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "id, note, doc, flag, n, at";

    @Inject
    DataSource dataSource;

    private Sql sql;

    @BeforeEach
    void table() {
        sql = new Sql(dataSource);
        sql.update("CREATE TABLE IF NOT EXISTS load_test (id TEXT PRIMARY KEY, note TEXT, doc JSONB, flag BOOLEAN, "
                + "n BIGINT, at TIMESTAMPTZ)");
        sql.update("TRUNCATE load_test");
    }

    @AfterEach
    void drop() {
        sql.update("DROP TABLE IF EXISTS load_test");
    }

    @Test
    void rows_loaded_with_copy_are_the_rows_an_insert_gives() {
        List<Object[]> rows = rows();
        BatchedWrites inserted = new BatchedWrites(dataSource);
        for (Object[] row : rows) {
            Object[] r = row.clone();
            r[0] = "insert-" + r[0];
            inserted.load("load_test", COLUMNS, INSERT, r); // not held: one INSERT each, at once
        }
        BatchedWrites loaded = new BatchedWrites(dataSource);
        QuarkusTransaction.requiringNew().run(() -> {
            loaded.hold();
            for (int i = 0; i < rows.size(); i++) {
                Object[] r = rows.get(i).clone();
                r[0] = "copy-" + r[0];
                loaded.load("load_test", COLUMNS, INSERT, r);
                if (i == rows.size() / 2) {
                    loaded.flushBehind(); // half sent behind, on the transaction's connection
                }
            }
            // another kind of write to the table: the rows before it go first
            loaded.add("load_test", "UPDATE load_test SET n = n + 1 WHERE id = ?", "copy-" + rows.get(rows.size() - 1)[0]);
            loaded.flush();
            loaded.release();
        });
        List<String> byInsert = sql.list("SELECT substr(id, 8), note, doc::text, flag, n, at FROM load_test "
                + "WHERE id LIKE 'insert-%' ORDER BY id", BatchedWritesLoadTest::line);
        List<String> byCopy = sql.list("SELECT substr(id, 6), note, doc::text, flag, n, at FROM load_test "
                + "WHERE id LIKE 'copy-%' ORDER BY id", BatchedWritesLoadTest::line);
        assertThat(byCopy).hasSize(rows.size());
        Long lastByInsert = sql.one("SELECT n FROM load_test WHERE id = ?", rs -> rs.getLong(1),
                "insert-" + rows.get(rows.size() - 1)[0]).orElseThrow();
        Long lastByCopy = sql.one("SELECT n FROM load_test WHERE id = ?", rs -> rs.getLong(1),
                "copy-" + rows.get(rows.size() - 1)[0]).orElseThrow();
        assertThat(lastByCopy).as("the update came after its row").isEqualTo(lastByInsert + 1);
        byCopy.set(byCopy.size() - 1, byCopy.get(byCopy.size() - 1).replace("|" + lastByCopy + "|", "|" + lastByInsert + "|"));
        assertThat(byCopy).isEqualTo(byInsert);
    }

    @Test
    void a_load_that_fails_rolls_back_with_its_transaction() {
        BatchedWrites loaded = new BatchedWrites(dataSource);
        sql.update("INSERT INTO load_test (id) VALUES ('taken')");
        try {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                loaded.hold();
                loaded.load("load_test", COLUMNS, INSERT, "fresh", null, null, null, null, null);
                loaded.load("load_test", COLUMNS, INSERT, "taken", null, null, null, null, null);
                loaded.flush();
            })).hasStackTraceContaining("read model load failed");
        } finally {
            loaded.release();
        }
        assertThat(sql.list("SELECT id FROM load_test ORDER BY id", rs -> rs.getString(1))).containsExactly("taken");
    }

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        String[] notes = {"plain", "tab\there", "line\nend", "carriage\r\nreturn", "back\\slash \\N not null",
                "quotes \"double\" and 'single'", "Kraków, Łódź, Żółć – naïve", "", null, "\\", "trailing tab\t"};
        for (int i = 0; i < 300; i++) {
            String note = notes[i % notes.length];
            Json.Doc doc = i % 3 == 0 ? null : new Json.Doc("{\"quote\": \"" + (note == null ? "" : note.replace("\\", "\\\\")
                    .replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")) + "\", \"i\": " + i + "}");
            rows.add(new Object[]{String.format("%04d", i), note, doc, i % 4 == 0 ? null : i % 2 == 0,
                    i % 5 == 0 ? null : (long) i * 1_000_000_007L,
                    i % 7 == 0 ? null : Instant.parse("1945-01-18T06:30:00Z").plusMillis(i * 123_457L)});
        }
        return rows;
    }

    private static String line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getObject(4) + "|"
                + rs.getObject(5) + "|" + rs.getObject(6);
    }
}
