package org.claimledger.proposition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.claimledger.common.WireNames;

/** {@code single}: one true answer, so different values conflict; {@code multiple}: several can all be true. */
public enum Cardinality {
    SINGLE, MULTIPLE;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Cardinality fromWire(String wire) {
        return WireNames.require(Cardinality.class, wire);
    }
}
