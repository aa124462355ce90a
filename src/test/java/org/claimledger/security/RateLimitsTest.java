package org.claimledger.security;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budgets' arithmetic on a clock of the test's own: refills, Retry-After, idle requesters forgotten, stream caps. */
class RateLimitsTest {

    static final Requester SEMINAR = new Requester(false, "198.51.100.7");
    static final Requester HISTORIAN = new Requester(true, "historian");

    private final AtomicLong now = new AtomicLong(TimeUnit.DAYS.toNanos(1));

    @Test
    void a_budget_lets_its_burst_through_then_says_when_the_next_may_come_and_refills_at_its_rate() {
        RateLimits limits = limits(Map.of());
        for (int i = 0; i < 4; i++) {
            assertThat(limits.take(SEMINAR, Demand.READS, "/api/disputes")).isZero();
        }
        assertThat(limits.take(SEMINAR, Demand.READS, "/api/disputes")).isEqualTo(1);
        // the board costs 3 of the page budget's 4: one board, then a second in 2 s at 1 a second
        assertThat(limits.take(SEMINAR, Demand.PAGES, "/")).isZero();
        assertThat(limits.take(SEMINAR, Demand.PAGES, "/")).isEqualTo(2);
        assertThat(limits.take(SEMINAR, Demand.PAGES, "/sources/konev")).isZero();
        // the subject's budgets are not the address's
        assertThat(limits.take(HISTORIAN, Demand.READS, "/api/disputes")).isZero();
        assertThat(limits.take(SEMINAR, Demand.WRITES, "/api/sources")).isZero();

        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(limits.take(SEMINAR, Demand.READS, "/api/disputes")).isZero();
        assertThat(limits.take(SEMINAR, Demand.READS, "/api/disputes")).isEqualTo(1);
        now.addAndGet(TimeUnit.SECONDS.toNanos(3));
        assertThat(limits.take(SEMINAR, Demand.PAGES, "/")).isZero();
    }

    @Test
    void requesters_left_alone_until_their_budgets_are_full_again_are_forgotten() {
        RateLimits limits = limits(Map.of());
        for (int i = 0; i < 1000; i++) {
            limits.take(new Requester(false, "reader-" + i), Demand.READS, "/api/disputes");
        }
        assertThat(limits.remembered()).isEqualTo(1000);
        // the slowest budget here fills from empty in 4 s
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(limits.remembered()).isZero();
    }

    @Test
    void streams_are_capped_per_address_per_subject_and_in_all_and_come_back_when_closed() {
        RateLimits limits = limits(Map.of("claimledger.limits.streams.per-address", "3",
                "claimledger.limits.streams.per-subject", "1", "claimledger.limits.streams.total", "5"));
        for (int i = 0; i < 3; i++) {
            assertThat(limits.openStream(SEMINAR)).isEqualTo(RateLimits.Admission.OPENED);
        }
        assertThat(limits.openStream(SEMINAR)).isEqualTo(RateLimits.Admission.REQUESTER_FULL);
        assertThat(limits.openStream(HISTORIAN)).isEqualTo(RateLimits.Admission.OPENED);
        assertThat(limits.openStream(HISTORIAN)).isEqualTo(RateLimits.Admission.REQUESTER_FULL);
        assertThat(limits.openStream(new Requester(false, "192.0.2.1"))).isEqualTo(RateLimits.Admission.OPENED);
        assertThat(limits.openStream(new Requester(false, "192.0.2.2"))).isEqualTo(RateLimits.Admission.LEDGER_FULL);

        limits.closeStream(SEMINAR);
        // a stream given back twice counts once
        limits.closeStream(HISTORIAN);
        limits.closeStream(HISTORIAN);
        assertThat(limits.openStream(new Requester(false, "192.0.2.2"))).isEqualTo(RateLimits.Admission.OPENED);
        assertThat(limits.openStream(new Requester(false, "192.0.2.3"))).isEqualTo(RateLimits.Admission.OPENED);
        assertThat(limits.openStream(new Requester(false, "192.0.2.4"))).isEqualTo(RateLimits.Admission.LEDGER_FULL);
    }

    @Test
    void an_ipv6_reader_is_counted_by_its_network_an_ipv4_reader_by_its_address() {
        assertThat(Requester.address("2001:db8:1:2::1")).isEqualTo(Requester.address("2001:db8:1:2:ffff:0:0:9"))
                .isNotEqualTo(Requester.address("2001:db8:1:3::1"));
        assertThat(Requester.address("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void an_export_costs_many_reads_but_never_more_than_a_full_budget() {
        RateLimits limits = limits(Map.of("claimledger.limits.reads.export-cost", "3"));
        assertThat(limits.take(SEMINAR, Demand.READS, "/api/export")).isZero();
        // 1 of 4 left: a read goes, a second export waits for 3 more at 1 a second
        assertThat(limits.take(SEMINAR, Demand.READS, "/api/sources/konev")).isZero();
        assertThat(limits.take(SEMINAR, Demand.READS, "/api/export")).isEqualTo(3);
        // dearer than the burst of 4: it costs the whole budget, and can still be paid
        RateLimits dear = limits(Map.of("claimledger.limits.reads.export-cost", "50"));
        assertThat(dear.take(HISTORIAN, Demand.READS, "/api/export")).isZero();
        assertThat(dear.take(HISTORIAN, Demand.READS, "/api/disputes")).isEqualTo(1);
        now.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(dear.take(HISTORIAN, Demand.READS, "/api/export")).isZero();
    }

    @Test
    void a_board_dearer_than_a_page_burst_is_refused_at_start() {
        assertThatThrownBy(() -> limits(Map.of("claimledger.limits.pages.board-cost", "5")))
                .hasMessageContaining("board-cost");
    }

    /** Every budget 4 at 1 a second, the board costing 3; the streams generous; then the overrides. */
    private RateLimits limits(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (String demand : new String[]{"reads", "pages", "writes"}) {
            for (String who : new String[]{"address", "subject"}) {
                values.put("claimledger.limits." + demand + "." + who + ".per-second", "1");
                values.put("claimledger.limits." + demand + "." + who + ".burst", "4");
            }
        }
        values.put("claimledger.limits.pages.board-cost", "3");
        values.put("claimledger.limits.streams.per-address", "100");
        values.put("claimledger.limits.streams.per-subject", "100");
        values.put("claimledger.limits.streams.total", "100");
        values.putAll(overrides);
        LimitSettings settings = new SmallRyeConfigBuilder().withMapping(LimitSettings.class)
                .withSources(new PropertiesConfigSource(values, "test", 100)).build()
                .getConfigMapping(LimitSettings.class);
        return new RateLimits(settings, now::get);
    }
}
