package org.claimledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of answer a proposition takes, and so the shape every claim's value about it must have. */
public enum ValueType {
    ENTITY(Value.EntityRef.class, "{\"entity\":\"<entity id>\"}"),
    DATE(Value.DateValue.class, "{\"date\":\"YYYY[-MM[-DD]]\"}"),
    QUANTITY(Value.Quantity.class, "{\"min\":n,\"max\":n,\"unit\":\"...\"}"),
    TEXT(Value.Text.class, "{\"text\":\"...\"}"),
    BOOLEAN(Value.Flag.class, "{\"boolean\":true|false}");

    private final Class<? extends Value> shape;
    private final String example;

    ValueType(Class<? extends Value> shape, String example) {
        this.shape = shape;
        this.example = example;
    }

    public boolean accepts(Value value) {
        return shape.isInstance(value);
    }

    public String example() {
        return example;
    }

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static ValueType fromWire(String wire) {
        return WireNames.require(ValueType.class, wire);
    }
}
