package org.claimledger.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * Admiralty-style reliability of a source. Every source starts at F (cannot be judged) until a
 * reviewer assesses it. The weight is what one line of testimony from such a source counts for.
 */
public enum Grade {
    A("completely reliable", 1.0),
    B("usually reliable", 0.8),
    C("fairly reliable", 0.6),
    D("not usually reliable", 0.3),
    E("unreliable", 0.1),
    F("reliability cannot be judged", 0.5);

    private final String meaning;
    private final double weight;

    Grade(String meaning, double weight) {
        this.meaning = meaning;
        this.weight = weight;
    }

    public String meaning() {
        return meaning;
    }

    public double weight() {
        return weight;
    }

    @JsonValue
    public String wire() {
        return name();
    }

    @JsonCreator
    public static Grade fromWire(String wire) {
        return Arrays.stream(values()).filter(g -> g.name().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wire + "' is not a grade A-F"));
    }
}
