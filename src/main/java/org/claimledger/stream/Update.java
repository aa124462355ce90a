package org.claimledger.stream;

/** One change historians can subscribe to, with its place in the stream and its JSON as sent. */
public record Update(Cursor cursor, String type, String propositionId, String subject, String sourceId,
                     java.time.Instant recordedAt, String data) {

    public String id() {
        return cursor.id();
    }
}
