package org.claimledger.security;

import io.quarkiverse.resteasy.problem.HttpProblem;

import java.net.URI;

/** The answers of a limit reached: problem details with Retry-After, saying which limit and for whom. */
public final class LimitProblems {

    /** A stream slot frees when a reader leaves a page; asked again before that, the answer is the same. */
    static final long STREAM_RETRY_SECONDS = 5;

    /** Readers of a full ledger leave at their own pace: not worth asking again every few seconds. */
    static final long LEDGER_FULL_RETRY_SECONDS = 30;

    private LimitProblems() {
    }

    static HttpProblem tooManyRequests(Demand demand, Requester who, long retryAfter) {
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/too-many-requests"))
                .withStatus(429)
                .withTitle("Too many requests")
                .withDetail("too many " + demand.words() + " " + from(who) + ": try again in " + retryAfter + " s")
                .withHeader("Retry-After", retryAfter)
                .build();
    }

    /** Why a stream was not opened (never called for one that was). */
    public static HttpProblem streamRefused(RateLimits.Admission refusal, RateLimits limits, Requester who) {
        if (refusal == RateLimits.Admission.LEDGER_FULL) {
            return HttpProblem.builder()
                    .withType(URI.create("https://claimledger.org/problems/streams-full"))
                    .withStatus(503)
                    .withTitle("No more update streams for now")
                    .withDetail("the ledger holds as many open streams as it serves (" + limits.streamsTotal()
                            + "); try again in " + LEDGER_FULL_RETRY_SECONDS + " s")
                    .withHeader("Retry-After", LEDGER_FULL_RETRY_SECONDS)
                    .build();
        }
        return HttpProblem.builder()
                .withType(URI.create("https://claimledger.org/problems/too-many-streams"))
                .withStatus(429)
                .withTitle("Too many open streams")
                .withDetail("at most " + limits.streamCap(who) + " open streams " + from(who) + "; close one first")
                .withHeader("Retry-After", STREAM_RETRY_SECONDS)
                .build();
    }

    private static String from(Requester who) {
        return who.authenticated() ? "for one token's subject" : "from one address";
    }
}
