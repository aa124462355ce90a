package org.claimledger.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much one caller (a token's subject, or an address for anonymous readers) may ask of the
 * ledger: a token bucket of requests per second with a burst, and a cap on open update streams.
 * Kept in memory per replica: a bound on load, not an accounting.
 */
@ApplicationScoped
public class RateLimits {

    @ConfigProperty(name = "claimledger.limits.requests-per-second", defaultValue = "50")
    double perSecond;

    @ConfigProperty(name = "claimledger.limits.burst", defaultValue = "100")
    int burst;

    @ConfigProperty(name = "claimledger.limits.streams-per-caller", defaultValue = "10")
    int streamsPerCaller;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> streams = new ConcurrentHashMap<>();

    /** Takes one request from the caller's bucket: 0 when allowed, else the seconds to wait. */
    public long tryAcquire(String caller) {
        return buckets.computeIfAbsent(caller, k -> new Bucket(burst)).take(perSecond, burst);
    }

    /** Opens one more stream for the caller, if it is under its cap. */
    public boolean openStream(String caller) {
        AtomicInteger open = streams.computeIfAbsent(caller, k -> new AtomicInteger());
        if (open.incrementAndGet() > streamsPerCaller) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    public void closeStream(String caller) {
        AtomicInteger open = streams.get(caller);
        if (open != null) {
            open.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    public int streamsPerCaller() {
        return streamsPerCaller;
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        synchronized long take(double perSecond, int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
