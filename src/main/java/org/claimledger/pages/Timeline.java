package org.claimledger.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A verdict's history in record time, laid out for an SVG picture: one band per status held, from
 * the change that began it to the next one (the last to now), and a mark at every change.
 * Marks closer than {@link #MIN_GAP} are pushed apart so each can be seen and pointed at; the
 * order of changes is always kept.
 */
public record Timeline(int width, int height, List<Band> bands, List<Mark> marks, String from, String to) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 64;
    static final int MIN_GAP = 18;
    static final int MARGIN = 10;

    /** A status held from x to x + width. */
    public record Band(int x, int width, String status) {
    }

    /** A change of status at x, with what it says when pointed at. */
    public record Mark(int x, String status, String title) {
    }

    /** One change of the verdict's status, at a record time. */
    public record Change(Instant at, String from, String to, String cause) {
        /** The record time as a reader takes it in: to the second, in UTC. */
        public String when() {
            return WHEN.format(at);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static Timeline of(List<Change> changes, Instant now) {
        if (changes.isEmpty()) {
            return new Timeline(WIDTH, HEIGHT, List.of(), List.of(), "", "");
        }
        Instant first = changes.get(0).at();
        Instant last = now.isBefore(changes.get(changes.size() - 1).at()) ? changes.get(changes.size() - 1).at() : now;
        double span = Math.max(1, Duration.between(first, last).toMillis());
        int usable = WIDTH - 2 * MARGIN;
        int[] xs = new int[changes.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = MARGIN + (int) Math.round(usable * Duration.between(first, changes.get(i).at()).toMillis() / span);
        }
        // keep every mark visible: push crowded marks right, then pull back any that ran off the end
        int gap = xs.length > 1 ? Math.min(MIN_GAP, usable / (xs.length - 1)) : MIN_GAP;
        for (int i = 1; i < xs.length; i++) {
            xs[i] = Math.max(xs[i], xs[i - 1] + gap);
        }
        int end = WIDTH - MARGIN;
        for (int i = xs.length - 1; i >= 0 && xs[i] > end - (xs.length - 1 - i) * gap; i--) {
            xs[i] = end - (xs.length - 1 - i) * gap;
        }
        List<Band> bands = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            Change c = changes.get(i);
            int next = i + 1 < xs.length ? xs[i + 1] : end;
            bands.add(new Band(xs[i], Math.max(1, next - xs[i]), c.to()));
            String title = WHEN.format(c.at()) + ": " + (c.from() == null ? "" : Wording.status(c.from()) + " → ")
                    + Wording.status(c.to()) + (c.cause() == null ? "" : " (" + c.cause() + ")");
            marks.add(new Mark(xs[i], c.to(), title));
        }
        return new Timeline(WIDTH, HEIGHT, bands, marks, WHEN.format(first), WHEN.format(last));
    }

    /** Where the right-hand label ends. */
    public int rightX() {
        return width - MARGIN;
    }

    /** Where the labels sit under the bands. */
    public int labelY() {
        return height - 4;
    }
}
