package org.claimledger.stream;

import org.claimledger.common.Rejection;

/**
 * A place in the update stream: the global position of the event in the log and, when one event
 * caused several updates, which of them. Written as the SSE id: {@code 1234} for an event's own
 * update, {@code 1234.2} for the second update it caused.
 */
public record Cursor(long position, int seq) implements Comparable<Cursor> {

    public static final Cursor START = new Cursor(0, -1);

    public static Cursor parse(String field, String text) {
        if (text == null || !text.matches("\\d{1,18}(\\.\\d{1,9})?")) {
            throw Rejection.invalid(field, "must be an event id from the stream, such as 1234 or 1234.2");
        }
        int dot = text.indexOf('.');
        return dot < 0 ? new Cursor(Long.parseLong(text), 0)
                : new Cursor(Long.parseLong(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
    }

    public String id() {
        return seq <= 0 ? Long.toString(position) : position + "." + seq;
    }

    @Override
    public int compareTo(Cursor o) {
        int c = Long.compare(position, o.position);
        return c != 0 ? c : Integer.compare(seq, o.seq);
    }
}
