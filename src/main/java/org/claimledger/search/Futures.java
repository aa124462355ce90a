package org.claimledger.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the index's work done on threads of its own, with its failures as the caller's own. */
public final class Futures {

    private Futures() {
    }

    /**
     * Waits for {@code future}. The IOException or RuntimeException it failed with is thrown as itself
     * (anything else wrapped); an interrupt, as an InterruptedIOException saying while {@code what}.
     */
    public static void await(Future<?> future, String what) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
