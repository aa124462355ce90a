package org.claimledger.axon;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.serialization.Serializer;

/**
 * The serializer the event store writes with, for whoever must read the log itself (the verdicts'
 * fold reads a proposition's history from it) without knowing how Axon is wired.
 */
public class EventSerializer {

    @Produces
    @Singleton
    Serializer eventSerializer() {
        return AxonLedger.serializer();
    }
}
