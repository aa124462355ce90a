package org.claimledger.store;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read model's writes for one batch of events, sent to PostgreSQL as JDBC batches just before
 * the batch commits (in the same transaction as the processor's position), instead of one round
 * trip per row. Statements on different tables commute in our read models; two different
 * statements on the same table keep their order (the earlier ones are sent first). A read model
 * that reads its own tables calls {@link #flush()} first. Outside a unit of work every write is
 * sent at once. One instance per read model; what is queued belongs to the thread that queued it
 * (a processor split into segments handles them on several threads, each its own batch).
 */
public final class BatchedWrites {

    private record Pending(String table, List<Object[]> rows) {
    }

    /** What the owner of the writes hears of its batch's end. */
    public interface Batch {
        /** The batch is about to commit: queue what was kept back (it is sent right after). */
        default void committing() {
        }

        /** The batch and its writes are durable. */
        default void committed() {
        }

        /** The batch rolled back: its writes are gone, and the events will be handled again. */
        default void rolledBack() {
        }
    }

    /** One thread's batch: its queued statements, the unit of work it joined, whether it is held. */
    private static final class Queue {
        final Map<String, Pending> pending = new LinkedHashMap<>();
        UnitOfWork<?> hooked;
        boolean held;
    }

    private final DataSource dataSource;
    private final Batch batch;
    private final ThreadLocal<Queue> queues = ThreadLocal.withInitial(Queue::new);
    /** Writes sent behind a bulk catch-up ({@link #flushBehind()}): at most one send in flight. */
    private java.util.concurrent.ExecutorService behind;
    private java.util.concurrent.Future<?> inFlight;

    public BatchedWrites(DataSource dataSource, Batch batch) {
        this.dataSource = dataSource;
        this.batch = batch;
    }

    public BatchedWrites(DataSource dataSource) {
        this(dataSource, new Batch() {
        });
    }

    /** Queues one statement on {@code table}; sent before the batch commits. */
    public void add(String table, String sql, Object... args) {
        Map<String, Pending> pending = queues.get().pending;
        Pending queue = pending.get(sql);
        if (queue == null) {
            for (var other : pending.entrySet()) {
                if (other.getValue().table().equals(table)) {
                    flush(); // another kind of write to this table is waiting: keep their order
                    break;
                }
            }
            queue = new Pending(table, new ArrayList<>());
            pending.put(sql, queue);
        }
        queue.rows().add(args);
        if (!join()) {
            flush();
        }
    }

    /**
     * Queues a new row of {@code table}, one that cannot be there yet: loaded with COPY when the writes
     * are held for a catch-up in bulk (a million rows in a rebuild: COPY costs PostgreSQL and the
     * driver a fraction of a batched INSERT), else inserted with {@code insert}, whose parameters are
     * the row's values in the order of {@code columns}.
     */
    public void load(String table, String columns, String insert, Object... row) {
        if (queues.get().held) {
            add(table, COPY + table + " (" + columns + ") FROM STDIN", row);
        } else {
            add(table, insert, row);
        }
    }

    private static final String COPY = "COPY ";

    /**
     * Joins the running unit of work (once): flushes when it prepares to commit, and tells the
     * owner of its end. False when no unit of work runs (then writes are sent at once).
     */
    public boolean join() {
        Queue queue = queues.get();
        if (queue.held) {
            return true;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root != queue.hooked) {
            queue.hooked = root;
            root.onPrepareCommit(u -> {
                batch.committing();
                flush();
            });
            root.afterCommit(u -> batch.committed());
            root.onRollback(u -> {
                queue.pending.clear();
                batch.rolledBack();
            });
            root.onCleanup(u -> queue.hooked = null);
        }
        return true;
    }

    /**
     * Keeps writes queued outside any unit of work until {@link #flush()} or {@link #release()}:
     * for a caller that runs its own long transaction (a bulk rebuild) and flushes when it chooses.
     */
    public void hold() {
        queues.get().held = true;
    }

    /** Ends {@link #hold()}: forgets what is still queued (the caller flushed or rolled back). */
    public void release() {
        try {
            awaitBehind();
        } catch (RuntimeException ignored) {
            // the caller is rolling back, or already knows
        }
        queues.remove();
        if (behind != null) {
            behind.shutdown();
            behind = null;
        }
    }

    /** Forgets every queued statement (the tables are being emptied). */
    public void discard() {
        awaitBehind();
        queues.get().pending.clear();
    }

    /**
     * Sends what is queued on a thread of its own while the caller goes on handling: for a bulk
     * catch-up, whose handling and writing then overlap. The send runs on the caller's transaction
     * (the connection is taken here, on the caller's thread); one send is in flight at a time, and
     * every later flush waits for it first, so the order of writes to a table is kept. A failed send
     * is thrown by the next flush (and the catch-up rolls back).
     */
    public void flushBehind() {
        awaitBehind();
        Map<String, Pending> pending = queues.get().pending;
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Pending> taken = new LinkedHashMap<>(pending);
        pending.clear();
        // The transaction belongs to this thread: the pool refuses its connection on another. The
        // PostgreSQL connection under it is the same transaction's, and serializes its own use.
        Connection c;
        try (Connection pooled = dataSource.getConnection()) {
            c = (Connection) pooled.unwrap(org.postgresql.PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("read model connection failed", e);
        }
        if (behind == null) {
            behind = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "read-model-writes-behind");
                t.setDaemon(true);
                return t;
            });
        }
        inFlight = behind.submit(() -> {
            send(c, taken); // not closed here: the pool ends it with the transaction
            return null;
        });
    }

    /** Waits for the send in flight, if any; throws what it failed with. */
    private void awaitBehind() {
        java.util.concurrent.Future<?> f = inFlight;
        if (f == null) {
            return;
        }
        inFlight = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a read model", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Sends every queued statement now (within the running transaction, if any). */
    public void flush() {
        awaitBehind();
        Map<String, Pending> pending = queues.get().pending;
        if (pending.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            send(c, pending);
        } catch (SQLException e) {
            throw new IllegalStateException("read model connection failed", e);
        } finally {
            pending.clear();
        }
    }

    private static void send(Connection c, Map<String, Pending> pending) throws SQLException {
        for (var entry : pending.entrySet()) {
            if (entry.getKey().startsWith(COPY)) {
                copy(c, entry.getKey(), entry.getValue().rows());
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(entry.getKey())) {
                for (Object[] args : entry.getValue().rows()) {
                    Sql.bind(c, ps, args);
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                SQLException cause = e.getNextException() == null ? e : e.getNextException();
                throw new IllegalStateException("read model update failed: " + entry.getKey(), cause);
            }
        }
    }

    /** Sends rows with COPY, in PostgreSQL's text format. */
    private static void copy(Connection c, String statement, List<Object[]> rows) throws SQLException {
        try {
            org.postgresql.copy.CopyIn in = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(statement);
            try {
                StringBuilder text = new StringBuilder(1 << 16);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            text.append('\t');
                        }
                        copyValue(text, row[i]);
                    }
                    text.append('\n');
                    if (text.length() > 1 << 16) {
                        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        in.writeToCopy(bytes, 0, bytes.length);
                        text.setLength(0);
                    }
                }
                byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read model load failed: " + statement, e);
        }
    }

    /** One value as COPY's text format reads it: NULL as \N; backslash, tab and line ends escaped. */
    static void copyValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s;
        if (value instanceof Json.Doc doc) {
            s = doc.json();
        } else if (value instanceof Boolean b) {
            s = b ? "t" : "f";
        } else if (value instanceof String || value instanceof Number || value instanceof java.time.Instant) {
            s = value.toString(); // an instant as ISO-8601 in UTC, which timestamptz reads
        } else {
            throw new IllegalArgumentException("no COPY text for " + value.getClass().getName());
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }
}
