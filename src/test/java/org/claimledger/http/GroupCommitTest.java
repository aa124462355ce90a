package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.axon.Projections;
import org.claimledger.testing.Api;
import org.claimledger.web.LedgerWriter;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/**
 * Concurrent writers share transactions (group commit), and a group is only as good as each of its
 * requests: every acknowledged claim is in the log, and a refused request among them is refused
 * alone, with nothing of it written. And the read models keep up with them by taking what is
 * waiting: more events than transactions each.
 */
@QuarkusTest
class GroupCommitTest {

    private static final int WRITERS = 32;
    private static final int EACH = 8;

    @Inject
    DataSource dataSource;

    @Inject
    LedgerWriter writer;

    @Inject
    Projections projections;

    @Test
    void concurrent_writers_share_transactions_and_a_refused_request_among_them_is_refused_alone() throws Exception {
        String city = unique("city");
        String source = unique("source");
        Api.questionAndSource(city, source);
        String taken = source + "/taken";
        post("/api/sources/" + source + "/claims", claim(taken, city + "/q", "first")).statusCode(201);

        Map<String, Projections.Status> readersBefore = caughtUp();
        long transactionsBefore = writer.transactions();
        long eventsBefore = Api.events(dataSource);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<String>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int n = w;
            writers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                List<String> acknowledged = new ArrayList<>();
                for (int k = 0; k < EACH; k++) {
                    String id = source + "/w" + n + "-" + k;
                    int status = post("/api/sources/" + source + "/claims", claim(id, city + "/q", "w" + n))
                            .extract().statusCode();
                    assertThat(status).as(id).isEqualTo(201);
                    acknowledged.add(id);
                }
                return acknowledged;
            }, pool));
        }
        // refused requests, sent while the writers run
        List<CompletableFuture<Integer>> refused = new ArrayList<>();
        refused.add(CompletableFuture.supplyAsync(() -> {
            await(start);
            return post("/api/sources/" + source + "/claims", claim(source + "/nowhere", unique("no") + "/q", "x"))
                    .extract().statusCode();
        }, pool));
        refused.add(CompletableFuture.supplyAsync(() -> {
            await(start);
            return post("/api/sources/" + source + "/claims", claim(taken, city + "/q", "other content"))
                    .extract().statusCode();
        }, pool));
        refused.add(CompletableFuture.supplyAsync(() -> {
            await(start);
            // a batch whose second claim names a proposition that does not exist: none of it is written
            return post("/api/sources/" + source + "/claims", Map.of("claims", List.of(
                    claim(source + "/batch-good", city + "/q", "good"),
                    claim(source + "/batch-bad", unique("missing") + "/q", "bad")))).extract().statusCode();
        }, pool));
        start.countDown();

        List<String> acknowledged = new ArrayList<>();
        for (CompletableFuture<List<String>> w : writers) {
            acknowledged.addAll(w.get());
        }
        List<Integer> refusals = new ArrayList<>();
        for (CompletableFuture<Integer> r : refused) {
            refusals.add(r.get());
        }
        pool.shutdownNow();

        assertThat(refusals).containsExactly(404, 409, 404);
        assertThat(acknowledged).hasSize(WRITERS * EACH);
        assertThat(streamsPresent(acknowledged)).as("every acknowledged claim is in the log").isEqualTo(acknowledged.size());
        assertThat(streamsPresent(List.of(source + "/nowhere", source + "/batch-good", source + "/batch-bad")))
                .as("nothing of a refused request").isZero();
        assertThat(Api.events(dataSource) - eventsBefore).isEqualTo(WRITERS * EACH);
        long transactions = writer.transactions() - transactionsBefore;
        assertThat(transactions).as("%d requests, %d transactions", WRITERS * EACH + 3, transactions)
                .isLessThan(WRITERS * EACH);

        // every read model that heard of the claims took them in fewer transactions than events
        caughtUp();
        for (String reader : List.of("claims", "verdicts", "updates")) {
            // a batch is counted just after it commits, so just after its position shows
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> projections.status(reader).eventsHandled()
                    - readersBefore.get(reader).eventsHandled() >= WRITERS * EACH);
            Projections.Status after = projections.status(reader);
            long events = after.eventsHandled() - readersBefore.get(reader).eventsHandled();
            long batches = after.transactions() - readersBefore.get(reader).transactions();
            assertThat(batches).as("%s: %d events in %d transactions", reader, events, batches)
                    .isPositive().isLessThan(events);
        }
    }

    /** Every read model's status once all of them have caught up with the log. */
    private Map<String, Projections.Status> caughtUp() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> projections.status().stream().allMatch(Projections.Status::caughtUp));
        return projections.status().stream().collect(Collectors.toMap(Projections.Status::name, Function.identity()));
    }

    private static Map<String, Object> claim(String id, String proposition, String text) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("id", id);
        claim.put("propositionId", proposition);
        claim.put("stance", "asserts");
        claim.put("value", Map.of("text", text));
        return claim;
    }

    private long streamsPresent(List<String> claimIds) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("varchar", claimIds.stream().map(id -> "claim:" + id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
