package org.claimledger.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * How much each requester may ask of the ledger: a token bucket per kind of demand (API reads,
 * pages, writes), and a cap on open update streams per requester and in all. Kept in memory per
 * replica: a bound on load, not an accounting. Application-scoped, so made at first use: the
 * filter that uses it is made before the runtime configuration it reads is there.
 */
@ApplicationScoped
public class RateLimits {

    /** Buckets kept at most, whatever the addresses seen (about 200 bytes each). */
    static final int REMEMBERED = 100_000;

    /** Whether a stream may open, and if not, whose cap it met. */
    public enum Admission { OPENED, REQUESTER_FULL, LEDGER_FULL }

    private record Key(Demand demand, Requester who) {
    }

    private final LimitSettings settings;
    private final Map<Demand, LimitSettings.Budgets> budgets;
    private final LongSupplier nanos;
    private final Cache<Key, Bucket> buckets;
    // an entry per requester holding a stream, none for the others: bounded by the total cap
    private final ConcurrentHashMap<Requester, Integer> streams = new ConcurrentHashMap<>();
    private final AtomicInteger openStreams = new AtomicInteger();

    @Inject
    RateLimits(LimitSettings settings, MeterRegistry metrics) {
        this(settings, System::nanoTime);
        Gauge.builder("claimledger.limits.buckets", this, RateLimits::remembered)
                .description("Requesters whose budgets are remembered (forgotten once full again)").register(metrics);
        Gauge.builder("claimledger.limits.streams.open", openStreams, AtomicInteger::get)
                .description("Update streams counted against the caps").register(metrics);
    }

    RateLimits(LimitSettings settings, LongSupplier nanos) {
        this.settings = settings;
        this.budgets = budgets(settings);
        this.nanos = nanos;
        check(settings);
        // a bucket left alone until it is full again is a new one: forgetting it loses nothing
        buckets = Caffeine.newBuilder()
                .expireAfterAccess(longestRefill(settings))
                .maximumSize(REMEMBERED)
                .ticker(nanos::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /** Takes what the request costs from its budget: 0 when it may go ahead, else the seconds until it may. */
    public long take(Requester who, Demand demand, String path) {
        LimitSettings.Budget budget = budget(who, demand);
        int cost = demand == Demand.PAGES && Demand.isBoard(path) ? settings.pages().boardCost()
                // an export costs many reads, never more than a full budget holds (it could never be paid)
                : demand == Demand.READS && Demand.isExport(path) ? Math.max(1, Math.min(settings.reads().exportCost(), budget.burst()))
                : 1;
        return buckets.get(new Key(demand, who), k -> new Bucket(budget.burst(), nanos.getAsLong()))
                .take(cost, budget, nanos.getAsLong());
    }

    /** Counts one more open stream for the requester, unless its cap or the ledger's is reached. */
    public Admission openStream(Requester who) {
        int cap = streamCap(who);
        boolean[] admitted = new boolean[1];
        streams.compute(who, (k, held) -> {
            int n = held == null ? 0 : held;
            admitted[0] = n < cap;
            return admitted[0] ? Integer.valueOf(n + 1) : held;
        });
        if (!admitted[0]) {
            return Admission.REQUESTER_FULL;
        }
        if (openStreams.incrementAndGet() > settings.streams().total()) {
            closeStream(who);
            return Admission.LEDGER_FULL;
        }
        return Admission.OPENED;
    }

    /** Gives back a stream counted by {@link #openStream}. */
    public void closeStream(Requester who) {
        boolean[] held = new boolean[1];
        streams.computeIfPresent(who, (k, n) -> {
            held[0] = true;
            return n > 1 ? Integer.valueOf(n - 1) : null;
        });
        if (held[0]) {
            openStreams.decrementAndGet();
        }
    }

    public int streamCap(Requester who) {
        return who.authenticated() ? settings.streams().perSubject() : settings.streams().perAddress();
    }

    public int streamsTotal() {
        return settings.streams().total();
    }

    /** Requesters whose buckets are remembered. */
    long remembered() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private LimitSettings.Budget budget(Requester who, Demand demand) {
        LimitSettings.Budgets kind = budgets.get(demand);
        return who.authenticated() ? kind.subject() : kind.address();
    }

    private static Map<Demand, LimitSettings.Budgets> budgets(LimitSettings settings) {
        Map<Demand, LimitSettings.Budgets> all = new EnumMap<>(Demand.class);
        all.put(Demand.READS, settings.reads());
        all.put(Demand.PAGES, settings.pages());
        all.put(Demand.WRITES, settings.writes());
        return all;
    }

    /** Settings that could never let a request through are refused at start, not found out by readers. */
    private static void check(LimitSettings settings) {
        budgets(settings).forEach((demand, budgets) -> {
            for (LimitSettings.Budget b : new LimitSettings.Budget[]{budgets.address(), budgets.subject()}) {
                if (!(b.perSecond() > 0) || b.burst() < 1) {
                    throw new IllegalArgumentException("claimledger.limits." + demand.name().toLowerCase()
                            + ": per-second must be above 0 and burst at least 1");
                }
            }
        });
        int board = settings.pages().boardCost();
        if (board < 1 || board > Math.min(settings.pages().address().burst(), settings.pages().subject().burst())) {
            throw new IllegalArgumentException("claimledger.limits.pages.board-cost must be between 1 and the pages' bursts");
        }
    }

    /** The longest a budget takes to fill up from empty. */
    private static Duration longestRefill(LimitSettings settings) {
        double seconds = budgets(settings).values().stream()
                .flatMap(b -> Stream.of(b.address(), b.subject()))
                .mapToDouble(b -> b.burst() / b.perSecond()).max().orElse(1);
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.last = now;
        }

        synchronized long take(int cost, LimitSettings.Budget budget, long now) {
            tokens = Math.min(budget.burst(), tokens + (now - last) / 1e9 * budget.perSecond());
            last = now;
            if (tokens >= cost) {
                tokens -= cost;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((cost - tokens) / budget.perSecond()));
        }
    }
}
