package org.claimledger.testing;

import org.claimledger.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged service run as a user runs it ({@code java -jar target/quarkus-app/quarkus-run.jar}),
 * with its embedded PostgreSQL on a data directory, for tests that stop, crash and restart it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dataDir;
    private final Path log;
    private final int port;
    private Process process;
    private final List<String> jvmOptions = new ArrayList<>();
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private String token;

    /** Extra JVM options for the service (heap size, profiling). */
    public ServiceProcess jvm(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** An environment variable for the service and its commands (an external PostgreSQL, say). */
    public ServiceProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The service's process id (for its memory, or a profiler). */
    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public ServiceProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.log = dataDir.resolve("service.log");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        Files.createDirectories(dataDir);
    }

    /** These runs are about durability and throughput, not about one caller's fair share. */
    private static final List<String> UNLIMITED = Stream.concat(
            Stream.of("reads", "pages", "writes")
                    .flatMap(demand -> Stream.of("address", "subject")
                            .flatMap(who -> Stream.of("per-second", "burst")
                                    .map(v -> "-Dclaimledger.limits." + demand + "." + who + "." + v + "=1000000"))),
            Stream.of("per-address", "per-subject", "total")
                    .map(cap -> "-Dclaimledger.limits.streams." + cap + "=1000000")).toList();

    /** Starts the service and waits until it reports ready; returns the time that took. */
    public Duration start() throws Exception {
        Path jar = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        command.addAll(UNLIMITED);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CLAIMLEDGER_DATA_DIR", dataDir.toString());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        process = builder.start();
        long deadline = started + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(log));
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    if (token == null) {
                        // as a new user would: ask the service's own key for a token
                        CommandRun issued = command("token", "it-historian", "contributor,reviewer,admin");
                        if (issued.exitCode() != 0) {
                            throw new IllegalStateException("no token: " + issued.output());
                        }
                        List<String> lines = issued.output().strip().lines().toList();
                        token = lines.get(lines.size() - 1).strip();
                    }
                    return took;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not become ready: " + Files.readString(log));
    }

    /** The outcome of a one-off command run with the service's jar. */
    public record CommandRun(int exitCode, String output) {
    }

    /** Runs {@code java -jar quarkus-run.jar <args>} on this data directory and waits for it to end. */
    public CommandRun command(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CLAIMLEDGER_DATA_DIR", dataDir.toString());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!run.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new IllegalStateException("the command did not end within 120 s: " + output);
        }
        return new CommandRun(run.exitValue(), output);
    }

    /** A clean stop (SIGTERM), as an operator stops it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service did not stop within 60 s");
        }
    }

    /** The service's JVM killed with SIGKILL (its database, external here, lives on). */
    public void kill() throws Exception {
        process.destroyForcibly().waitFor();
    }

    /** A crash: the JVM and its PostgreSQL killed with SIGKILL, as a power cut would. */
    public void crash() throws Exception {
        ProcessHandle pm = EmbeddedPostgres.postmaster(dataDir.resolve("postgres"))
                .orElseThrow(() -> new IllegalStateException("no running PostgreSQL to crash"));
        process.destroyForcibly().waitFor();
        {
            List<ProcessHandle> backends = pm.descendants().toList();
            pm.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            pm.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            for (ProcessHandle backend : backends) {
                backend.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(authorized(HttpRequest.newBuilder(uri(path))).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(authorized(HttpRequest.newBuilder(uri(path))).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Waits until every read model has caught up with the event log. */
    public void awaitReadModels() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(get("/api/admin/projections").body())
                        .as("every read model caught up").contains("\"caughtUp\"").doesNotContain("\"caughtUp\":false"));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public String token() {
        return token;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
