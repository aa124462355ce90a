package org.claimledger.testing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plain server-sent-events reader for tests: collects every event it is sent until closed. */
public final class SseClient implements AutoCloseable {

    /** One event as received. */
    public record Event(String id, String type, String data, long receivedNanos, long receivedMillis) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;
    private volatile boolean ended;

    private SseClient(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "sse-test-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static SseClient open(String url, String lastEventId) throws Exception {
        return openWith(url, lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId));
    }

    /** Opens the stream with these request headers (a token, the address a proxy forwards). */
    public static SseClient openWith(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new SseClient(response.body());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type, data.toString(), System.nanoTime(), System.currentTimeMillis()));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (Exception closed) {
            // closed by the test or by the server
        }
        ended = true;
    }

    public List<Event> events() {
        return events;
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.join(5000);
    }
}
