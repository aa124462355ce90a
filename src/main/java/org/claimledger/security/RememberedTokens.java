package org.claimledger.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Bearer tokens checked once, then remembered until they expire (see {@link VerifiedTokens}):
 * checking an RSA signature took half of the event loop's time when every request carried a token.
 * Only tokens that passed every check are remembered, so a tampered, wrongly signed or expired token
 * is checked, and refused, each time.
 */
@Decorator
@Priority(10)
public class RememberedTokens implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser verifier;

    @Inject
    VerifiedTokens memory;

    RememberedTokens() {
        // for CDI
    }

    RememberedTokens(JWTParser verifier, VerifiedTokens memory) {
        this.verifier = verifier;
        this.memory = memory;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = memory.recall(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        memory.remember(token, checked);
        return checked;
    }

    // everything else is the verifier's own

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
