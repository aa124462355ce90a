package org.claimledger.pages;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict's history as a picture: in record time, every change visible, in order, inside the frame. */
class TimelineTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void changes_sit_in_proportion_to_record_time_and_the_last_status_runs_to_now() {
        Timeline t = Timeline.of(List.of(
                new Timeline.Change(T0, null, "unattested", "PropositionDefined"),
                new Timeline.Change(T0.plusSeconds(500), "unattested", "single-line", "ClaimRecorded"),
                new Timeline.Change(T0.plusSeconds(750), "single-line", "contested", "ClaimRecorded")), T0.plusSeconds(1000));
        assertThat(t.marks()).extracting(Timeline.Mark::x).containsExactly(10, 360, 535);
        assertThat(t.bands()).extracting(Timeline.Band::status).containsExactly("unattested", "single-line", "contested");
        Timeline.Band last = t.bands().get(2);
        assertThat(last.x() + last.width()).isEqualTo(Timeline.WIDTH - 10);
        assertThat(t.marks().get(2).title()).contains("Single line → Contested").contains("ClaimRecorded")
                .contains("2026-01-01 00:12:30 UTC");
    }

    @Test
    void changes_in_the_same_second_are_pushed_apart_and_kept_in_order_within_the_frame() {
        List<Timeline.Change> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(new Timeline.Change(T0.plusMillis(i), i == 0 ? null : "a", "s" + i, null));
        }
        Timeline t = Timeline.of(burst, T0.plusSeconds(3600));
        List<Integer> xs = t.marks().stream().map(Timeline.Mark::x).toList();
        for (int i = 1; i < xs.size(); i++) {
            assertThat(xs.get(i) - xs.get(i - 1)).isGreaterThanOrEqualTo(Timeline.MIN_GAP);
        }
        assertThat(xs).allMatch(x -> x >= 10 && x <= Timeline.WIDTH - 10);
    }

    @Test
    void a_long_history_still_fits_the_frame_in_order() {
        List<Timeline.Change> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new Timeline.Change(T0.plusMillis(i), null, "s", null));
        }
        List<Integer> xs = Timeline.of(many, T0.plusSeconds(1)).marks().stream().map(Timeline.Mark::x).toList();
        assertThat(xs).isSorted().allMatch(x -> x >= 0 && x <= Timeline.WIDTH - 10);
    }

    @Test
    void no_history_draws_nothing() {
        assertThat(Timeline.of(List.of(), T0).marks()).isEmpty();
    }
}
