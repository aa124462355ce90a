package org.claimledger.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Tokens that passed every check, remembered under the SHA-256 of their text (the text itself is
 * not kept) and never past their own expiry, nor longer than {@link #MAX_NANOS}, so that a
 * replaced verification key takes effect within minutes. At most {@link #MAX} tokens; the least
 * used go first.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final int MAX = 10_000;

    static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(MAX)
            .expireAfter(new Expiry<String, JsonWebToken>() {
                @Override
                public long expireAfterCreate(String key, JsonWebToken token, long now) {
                    return Math.max(0, untilExpiry(token));
                }

                @Override
                public long expireAfterUpdate(String key, JsonWebToken token, long now, long current) {
                    return Math.max(0, untilExpiry(token));
                }

                @Override
                public long expireAfterRead(String key, JsonWebToken token, long now, long current) {
                    return current;
                }
            })
            .build();

    /** The token as it was verified, if it was and has not expired since; otherwise null. */
    public JsonWebToken recall(String token) {
        JsonWebToken known = verified.getIfPresent(hash(token));
        return known != null && untilExpiry(known) > 0 ? known : null;
    }

    /** Remembers a token that has just passed every check, unless it has no expiry or is past it. */
    public void remember(String token, JsonWebToken checked) {
        if (untilExpiry(checked) > 0) {
            verified.put(hash(token), checked);
        }
    }

    /** How many tokens are remembered now. */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** Nanoseconds the token is still valid for, capped by {@link #MAX_NANOS}; 0 or less once it expired. */
    static long untilExpiry(JsonWebToken token) {
        long expiresAtSeconds = token.getExpirationTime();
        if (expiresAtSeconds <= 0) {
            return 0; // a token without expiry is checked every time
        }
        long left = TimeUnit.MILLISECONDS.toNanos(expiresAtSeconds * 1000 - System.currentTimeMillis());
        return Math.min(left, MAX_NANOS);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
