package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/** Writers racing for the same new id end as if they had come one after the other. */
@QuarkusTest
class ConcurrentWritesTest {

    @Inject
    DataSource dataSource;

    @Test
    void racing_identical_registrations_record_once_and_the_rest_are_replays() throws Exception {
        String id = unique("raced");
        long before = Api.events(dataSource);
        List<Integer> statuses = race(8, i -> post("/api/sources", Api.source(id)).extract().statusCode());
        assertThat(statuses).containsOnly(201, 200);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(Api.events(dataSource)).isEqualTo(before + 1);
    }

    @Test
    void racing_different_claims_under_one_id_record_one_and_refuse_the_others() throws Exception {
        String city = unique("city");
        String source = unique("source");
        Api.questionAndSource(city, source);
        long before = Api.events(dataSource);
        List<Integer> statuses = race(8, i -> post("/api/sources/" + source + "/claims",
                Map.of("id", source + "/contested-id", "propositionId", city + "/q", "stance", "asserts",
                        "value", Map.of("text", "version " + i))).extract().statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(Api.events(dataSource)).isEqualTo(before + 1);
    }

    /**
     * Under group commit a lane's transaction keeps the rows it wrote locked until it commits while it
     * goes on to other requests; racing writers must still all be answered, round after round.
     */
    @Test
    void round_after_round_of_racing_writers_every_one_is_answered() throws Exception {
        String city = unique("city");
        String source = unique("source");
        Api.questionAndSource(city, source);
        long before = Api.events(dataSource);
        int rounds = 25;
        for (int round = 0; round < rounds; round++) {
            String claim = source + "/raced-" + round;
            List<Integer> statuses = race(8, i -> post("/api/sources/" + source + "/claims",
                    Map.of("id", claim, "propositionId", city + "/q", "stance", "asserts",
                            "value", Map.of("text", "the same text"))).extract().statusCode());
            assertThat(statuses).as("round %d", round).containsOnly(201, 200);
            assertThat(statuses).as("round %d", round).filteredOn(s -> s == 201).hasSize(1);
        }
        assertThat(Api.events(dataSource)).isEqualTo(before + rounds);
    }

    private static List<Integer> race(int writers, java.util.function.IntFunction<Integer> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return write.apply(n);
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> r : results) {
                statuses.add(r.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
