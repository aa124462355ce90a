package org.claimledger.stream.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import org.claimledger.security.Caller;
import org.claimledger.security.LimitProblems;
import org.claimledger.security.RateLimits;
import org.claimledger.security.Requester;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.claimledger.common.Checks;
import org.claimledger.common.Slugs;
import org.claimledger.stream.Cursor;
import org.claimledger.stream.UpdateFeed;
import org.claimledger.stream.UpdateFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The update stream as server-sent events. */
@Path("/api/streams/claims")
@Tag(name = "Streams")
public class StreamResource {

    @Inject
    UpdateFeed feed;

    @Inject
    RateLimits limits;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamUpdates", summary = "Updates as server-sent events",
            description = "Every update as it is recorded, filtered by subject, proposition and type. Each event is "
                    + "named by its update type (claim-recorded, claim-revised, claim-withdrawn, source-assessed, "
                    + "source-retracted, source-reinstated, verdict-changed; an unknown type is refused listing them); "
                    + "its data is the update as JSON, the same as the Kafka topic's CloudEvents carry; its id is its "
                    + "place in the log: reconnect with Last-Event-ID (or from=<id>) to get every update after it, "
                    + "none twice. The stream opens with retry: 3000 and sends a comment as heartbeat.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            description = "The stream of updates",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            description = "Events such as: event: verdict-changed / id: 1234.1 / data: "
                                    + "{\"proposition\":\"krakow-1945/city-taken-intact\",\"from\":\"single-line\",\"to\":\"contested\"}")))
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServerRequest request,
                       @QueryParam("subject") List<String> subjects,
                       @QueryParam("proposition") List<String> propositions,
                       @QueryParam("type") List<String> types,
                       @QueryParam("from") String from,
                       @HeaderParam("Last-Event-ID") String lastEventId) {
        Checks checks = new Checks();
        Set<String> s = ids(checks, "subject", subjects);
        Set<String> p = ids(checks, "proposition", propositions);
        Set<String> t = values(types);
        t.stream().filter(type -> !UpdateFilter.TYPES.contains(type)).forEach(type ->
                checks.fail("type", "'" + type + "' is not one of " + String.join(", ", UpdateFilter.TYPES.stream().sorted().toList())));
        checks.throwIfAny();
        Cursor after = lastEventId != null && !lastEventId.isBlank() ? Cursor.parse("Last-Event-ID", lastEventId.trim())
                : from != null ? Cursor.parse("from", from) : null;
        Requester who = Requester.of(caller, request);
        RateLimits.Admission admission = limits.openStream(who);
        if (admission != RateLimits.Admission.OPENED) {
            throw LimitProblems.streamRefused(admission, limits, who);
        }
        UpdateFilter filter = new UpdateFilter(s, p, t);
        // a stream is never kept by a cache (the response filters do not see it)
        request.response().putHeader("Cache-Control", "no-cache");
        // the stream opens with its reconnection delay; then the feed writes the connection itself
        // (frames made once for every subscriber, several events per write)
        sink.send(sse.newEventBuilder().comment("updates").reconnectDelay(RETRY_MILLIS).build())
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        limits.closeStream(who);
                    } else {
                        feed.subscribe(new Connection(request, sink), filter, after, () -> limits.closeStream(who));
                    }
                });
    }

    /** How long a client waits before it reconnects (the stream's {@code retry:}). */
    static final long RETRY_MILLIS = 3000;

    /** A subscriber's connection, written directly once the stream is open. */
    private record Connection(HttpServerRequest request, SseEventSink sink) implements UpdateFeed.Outlet {
        @Override
        public void write(String text, java.util.function.Consumer<Throwable> done) {
            io.vertx.core.http.HttpServerResponse response = request.response();
            if (response.closed() || response.ended()) {
                done.accept(new java.io.IOException("the subscriber has gone"));
                return;
            }
            try {
                response.write(io.vertx.core.buffer.Buffer.buffer(text))
                        .onComplete(written -> done.accept(written.failed() ? written.cause() : null));
            } catch (IllegalStateException ended) {
                done.accept(ended); // ended on the event loop since the check above
            }
        }

        @Override
        public boolean isClosed() {
            return sink.isClosed() || request.response().closed();
        }

        @Override
        public void close() {
            try {
                sink.close();
            } catch (IllegalStateException headAlreadySent) {
                // the sink sent the head again, taking it for unsent: end the response as it stands
                io.vertx.core.http.HttpServerResponse response = request.response();
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
            }
        }

        @Override
        public void hangUp() {
            request.connection().close();
        }
    }

    private static Set<String> ids(Checks checks, String field, List<String> raw) {
        Set<String> ids = values(raw);
        ids.stream().filter(id -> !Slugs.isValid(id)).forEach(id -> checks.fail(field, Slugs.RULE));
        return ids;
    }

    private static Set<String> values(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            raw.forEach(v -> Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add));
        }
        return out;
    }
}
