package org.claimledger.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Starts embedded PostgreSQL and makes a signing key for every {@code @QuarkusTest} in the run (one server, one application). */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SigningKeysResource.class, restrictToAnnotatedClass = false)
public final class LedgerTest {

    private LedgerTest() {
    }
}
