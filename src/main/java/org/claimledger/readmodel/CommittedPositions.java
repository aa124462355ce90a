package org.claimledger.readmodel;

import org.axonframework.eventhandling.TrackingToken;

/**
 * Where a read model's processor stands as last committed in the shared token table, whichever
 * replica committed it: a read model that keeps a working copy in memory checks it at each batch,
 * to notice that another replica moved the model on meanwhile.
 */
public interface CommittedPositions {

    /** The segment's token as last committed, read outside the running transaction; null when none. */
    TrackingToken committedToken(String processor, int segment);

    /** Whether the token has passed the event at {@code position} (not if it is still one of its gaps). */
    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken lower = org.axonframework.eventhandling.WrappedToken.unwrapLowerBound(token);
        if (lower instanceof org.axonframework.eventhandling.GapAwareTrackingToken gaps) {
            return position <= gaps.getIndex() && !gaps.getGaps().contains(position);
        }
        return lower != null && lower.position().orElse(-1) >= position;
    }
}
