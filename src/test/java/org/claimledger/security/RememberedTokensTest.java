package org.claimledger.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens are checked once and remembered, and nothing that would fail a check is ever remembered. */
class RememberedTokensTest {

    private static KeyPair key;
    private static KeyPair otherKey;

    private final AtomicInteger checks = new AtomicInteger();
    private final VerifiedTokens memory = new VerifiedTokens();
    private final RememberedTokens tokens = new RememberedTokens(counting(verifier()), memory);

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        key = rsa.generateKeyPair();
        otherKey = rsa.generateKeyPair();
    }

    private static JWTParser verifier() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(key.getPublic(), SigningKeys.ISSUER);
        context.setClockSkew(0); // so that a token is refused the second it expires
        return new DefaultJWTParser(context);
    }

    /** The real verifier, counting how often it is asked. */
    private JWTParser counting(JWTParser real) {
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JWTParser.class},
                (proxy, method, args) -> {
                    checks.incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String token(KeyPair signer, Duration validFor) {
        return Tokens.issue(signer.getPrivate(), "historian", Set.of("contributor"), validFor);
    }

    @Test
    void a_valid_token_is_checked_once_then_recalled() throws Exception {
        String good = token(key, Duration.ofHours(1));
        JsonWebToken first = tokens.parse(good);
        JsonWebToken again = tokens.parse(good);
        tokens.parse(good);

        assertThat(checks).hasValue(1);
        assertThat(again.getName()).isEqualTo("historian").isEqualTo(first.getName());
        assertThat(again.getGroups()).containsExactly("contributor");
        assertThat(memory.size()).isEqualTo(1);
    }

    @Test
    void tampered_wrongly_signed_and_expired_tokens_are_refused_every_time_and_never_remembered() throws Exception {
        String good = token(key, Duration.ofHours(1));
        tokens.parse(good);
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        String otherClaims = good.replaceFirst("\\.[^.]+\\.", "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"claimledger\",\"sub\":\"intruder\",\"groups\":[\"admin\"],\"exp\":9999999999}"
                        .getBytes()) + ".");
        String wronglySigned = token(otherKey, Duration.ofHours(1));
        String expired = token(key, Duration.ofMinutes(-1));
        String unsigned = good.replaceFirst("^[^.]+\\.", "eyJhbGciOiJub25lIn0.");

        for (String bad : new String[]{tampered, otherClaims, wronglySigned, expired, unsigned}) {
            for (int round = 0; round < 2; round++) {
                int before = checks.get();
                assertThatThrownBy(() -> tokens.parse(bad)).isInstanceOf(ParseException.class);
                assertThat(checks.get()).as("checked again, round " + round).isEqualTo(before + 1);
            }
        }
        assertThat(memory.size()).as("only the good token").isEqualTo(1);
    }

    @Test
    void a_remembered_token_is_refused_once_it_expires() throws Exception {
        // a token's expiry is in whole seconds: valid for two, it lapses within the next three
        String shortLived = token(key, Duration.ofSeconds(2));
        tokens.parse(shortLived);
        tokens.parse(shortLived);
        assertThat(checks).hasValue(1);

        Thread.sleep(3_100);
        assertThatThrownBy(() -> tokens.parse(shortLived)).isInstanceOf(ParseException.class);
        assertThat(checks).hasValue(2);
        assertThat(memory.size()).isZero();
    }

    @Test
    void memory_is_bounded() {
        long exp = System.currentTimeMillis() / 1000 + 3600;
        JsonWebToken verified = (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{JsonWebToken.class}, (proxy, method, args) ->
                        method.getName().equals("getExpirationTime") ? exp : null);
        for (int i = 0; i < VerifiedTokens.MAX + 2_000; i++) {
            memory.remember("token-" + i, verified);
        }
        assertThat(memory.size()).isLessThanOrEqualTo(VerifiedTokens.MAX).isGreaterThan(VerifiedTokens.MAX / 2);
    }
}
