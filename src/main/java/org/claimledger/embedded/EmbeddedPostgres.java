package org.claimledger.embedded;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the ledger starts itself when no external one is configured: real
 * PostgreSQL binaries (zonky), data kept in a directory so a restart keeps everything, and
 * durability switched back on (zonky turns fsync and synchronous_commit off by default, which would
 * let a crash lose acknowledged writes).
 *
 * <p>PostgreSQL daemonizes: its postmaster outlives a JVM killed with SIGKILL (the OOM killer's way),
 * and the next start would fail on its {@code postmaster.pid}. So the service holds a lock on the
 * data directory for its lifetime (the operating system drops it when the process dies, however it
 * dies): a start that gets the lock knows that a postmaster still running on this directory was left
 * by a dead service, stops it and starts its own; a start that does not get it refuses, because a
 * live service is using the directory and two postmasters must never share one.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Path dataDirectory;
    private final FileLock lock;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path dataDirectory,
                             FileLock lock) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.lock = lock;
    }

    /** Starts (or restarts on existing data) a durable server on a free loopback port. */
    public static EmbeddedPostgres start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** The same on a given port (0: a free one), so that a server can come back where its clients look. */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            FileLock lock = lock(dataDirectory);
            stopOrphan(dataDirectory);
            long started = System.nanoTime();
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            var server = builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .start();
            LOG.infof("Embedded PostgreSQL on port %d with data in %s (started in %d ms)", server.getPort(),
                    dataDirectory.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgres(server, dataDirectory, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** The lock beside the data directory (PostgreSQL wants the directory itself to hold only its own files). */
    static Path lockFile(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    private static FileLock lock(Path dataDirectory) throws IOException {
        Path file = lockFile(dataDirectory);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another claimledger process is using " + dataDirectory.toAbsolutePath()
                    + " (it holds " + file + "): stop it first, or give this one its own CLAIMLEDGER_DATA_DIR");
        }
        return lock;
    }

    /**
     * Stops a postmaster left running on this directory by a service that died without stopping it.
     * Called with the directory's lock held, so no live service owns it. SIGTERM is PostgreSQL's
     * smart shutdown, quick with no clients left; SIGKILL only if it does not end, and then the
     * start that follows recovers from the WAL as after any crash.
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle orphan = postmaster.get();
        LOG.warnf("A PostgreSQL server (pid %d) left running on %s by a service that did not stop it: stopping it",
                orphan.pid(), dataDirectory.toAbsolutePath());
        List<ProcessHandle> backends = orphan.descendants().toList();
        orphan.destroy();
        if (!awaitExit(orphan, 30)) {
            LOG.warnf("PostgreSQL (pid %d) did not stop within 30 s: killing it", orphan.pid());
            orphan.destroyForcibly();
            awaitExit(orphan, 30);
        }
        // its backends leave on their own once it is gone; the next postmaster needs their shared memory freed
        for (ProcessHandle backend : backends) {
            awaitExit(backend, 30);
        }
    }

    /** The live postmaster that postmaster.pid names, if it is a PostgreSQL process on this directory. */
    public static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean ours = Path.of(lines.get(1).trim()).toAbsolutePath().normalize()
                .equals(dataDirectory.toAbsolutePath().normalize());
        // a pid that now belongs to another program is left alone: PostgreSQL sees the file is stale
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> ours)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    }

    private static boolean awaitExit(ProcessHandle process, long seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Datasource settings for Quarkus, pointing at this server. */
    public Map<String, String> datasourceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public synchronized void close() {
        if (!lock.channel().isOpen()) {
            return; // closed already
        }
        try {
            server.close();
            LOG.info("Embedded PostgreSQL stopped");
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
