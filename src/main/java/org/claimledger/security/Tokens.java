package org.claimledger.security;

import io.smallrye.jwt.build.Jwt;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Issues signed bearer tokens for the embedded default (production tokens come from an OIDC provider). */
public final class Tokens {

    private Tokens() {
    }

    public static String issue(PrivateKey key, String subject, Set<String> roles, Duration validFor) {
        Instant now = Instant.now();
        return Jwt.issuer(SigningKeys.ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now.plus(validFor))
                .sign(key);
    }
}
