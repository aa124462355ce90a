package org.claimledger.search.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When search reads the verdicts' statuses again, and from where: the clock moved by hand. */
class StatusesTest {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;

    final Statuses.Looks looks = new Statuses.Looks();

    // a look at second `at` that found verdicts up to position `highest`
    Statuses.Looks.Plan look(long at, long highest) {
        Statuses.Looks.Plan plan = looks.plan(at);
        if (plan != null) {
            looks.looked(at, highest, plan.all());
        }
        return plan;
    }

    @Test
    void the_first_look_reads_every_status_and_a_look_a_moment_later_reads_none() {
        assertThat(look(0, 100)).isEqualTo(new Statuses.Looks.Plan(true, Long.MIN_VALUE));
        assertThat(look(100 * MS, 100)).isNull();
        assertThat(looks.plan(300 * MS)).isEqualTo(new Statuses.Looks.Plan(false, 100));
    }

    @Test
    void a_look_reads_from_what_was_seen_at_least_five_seconds_ago_so_a_late_commit_is_still_caught() {
        look(0, 100);
        look(1 * S, 120);  // saw 120; a verdict at 110 may commit after this look
        look(2 * S, 150);
        // under five seconds since the look that saw 120: read from the first look's 100 (110 is caught)
        assertThat(look(4 * S, 150).from()).isEqualTo(100);
        // past five seconds since the look at 1 s: what it saw (120) had committed by now
        assertThat(look(6 * S, 160).from()).isEqualTo(120);
        assertThat(look(7500 * MS, 160).from()).isEqualTo(150);
        // a quiet ledger: five seconds on, every look starts where the last changes were seen
        assertThat(look(20 * S, 160).from()).isEqualTo(160);
    }

    @Test
    void every_status_is_read_again_every_half_minute() {
        look(0, 100);
        look(10 * S, 200);
        assertThat(look(29 * S, 200).all()).isFalse();
        assertThat(look(31 * S, 200)).isEqualTo(new Statuses.Looks.Plan(true, Long.MIN_VALUE));
        // and the look-back starts again from that look
        assertThat(look(32 * S, 210).from()).isEqualTo(200);
    }

    @Test
    void an_empty_ledger_is_read_from_the_start_until_a_verdict_is_seen() {
        look(0, Long.MIN_VALUE);
        assertThat(look(1 * S, Long.MIN_VALUE).from()).isEqualTo(Long.MIN_VALUE);
        assertThat(look(2 * S, 5).from()).isEqualTo(Long.MIN_VALUE);
        assertThat(look(8 * S, 5).from()).isEqualTo(5);
    }
}
