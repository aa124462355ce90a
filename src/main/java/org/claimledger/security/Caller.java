package org.claimledger.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is making the request: the token's subject, recorded as {@code recordedBy} on every event it causes. */
@RequestScoped
public class Caller {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity == null || identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }
}
