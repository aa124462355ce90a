package org.claimledger.claim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.claimledger.common.WireNames;

/** Whether a source says the value is the answer, or says it is not. */
public enum Stance {
    ASSERTS, DENIES;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Stance fromWire(String wire) {
        return WireNames.require(Stance.class, wire);
    }
}
