package org.claimledger.linkeddata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The base of the IRIs the ledger mints ({@code claimledger.public-url}): the address readers reach
 * it at, so that every IRI is its resource's own URL. Unset, the base of the request being answered
 * (behind a proxy, set it, or let Quarkus read the proxy's forwarded headers).
 */
@ApplicationScoped
public class PublicBase {

    @ConfigProperty(name = "claimledger.public-url")
    Optional<String> configured;

    public String of(UriInfo request) {
        String base = configured.filter(s -> !s.isBlank()).orElseGet(() -> request.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
