package org.claimledger.stream;

/** One change historians can subscribe to, with its place in the stream and its JSON as sent. */
public record Update(Cursor cursor, String type, String propositionId, String subject, String sourceId,
                     java.time.Instant recordedAt, String data, String frame) {

    public Update(Cursor cursor, String type, String propositionId, String subject, String sourceId,
                  java.time.Instant recordedAt, String data) {
        this(cursor, type, propositionId, subject, sourceId, recordedAt, data, frame(cursor, type, data));
    }

    public String id() {
        return cursor.id();
    }

    /** The update as a server-sent event, made once for every subscriber: id, event name, data line by line. */
    static String frame(Cursor cursor, String type, String data) {
        StringBuilder b = new StringBuilder(data.length() + 48).append("id:").append(cursor.id())
                .append("\nevent:").append(type).append('\n');
        data.lines().forEach(line -> b.append("data:").append(line).append('\n'));
        return b.append('\n').toString();
    }
}
