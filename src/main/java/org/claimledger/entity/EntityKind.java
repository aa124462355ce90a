package org.claimledger.entity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.claimledger.common.WireNames;

/** What an entity is: a person, a place, a military unit, an organisation or an event. */
public enum EntityKind {
    PERSON, PLACE, UNIT, ORGANISATION, EVENT;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static EntityKind fromWire(String wire) {
        return WireNames.require(EntityKind.class, wire);
    }
}
