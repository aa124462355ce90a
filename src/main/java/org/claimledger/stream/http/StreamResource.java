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
    @Operation(summary = "Updates as server-sent events (each event named by its update type; an unknown type "
            + "is refused listing them), filtered by subject, proposition and type; each event's id is "
            + "its place in the log: reconnect with Last-Event-ID (or from=<id>) to get every update after it")
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
            response.write(io.vertx.core.buffer.Buffer.buffer(text))
                    .onComplete(written -> done.accept(written.failed() ? written.cause() : null));
        }

        @Override
        public boolean isClosed() {
            return sink.isClosed() || request.response().closed();
        }

        @Override
        public void close() {
            sink.close();
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
