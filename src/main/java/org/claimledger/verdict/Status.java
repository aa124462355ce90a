package org.claimledger.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.claimledger.common.WireNames;

/** The five verdicts of domain.md, decided in this order, first match wins. */
public enum Status {
    /** No live claims. */
    UNATTESTED,
    /** Whatever was asserted rests only on discounted lines. */
    DISCREDITED,
    /** Two or more conflicting positions each keep at least one line. */
    CONTESTED,
    /** What remains agrees, and an asserted position has two or more independent lines. */
    CORROBORATED,
    /** What remains agrees, but rests on one line of testimony. */
    SINGLE_LINE;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Status fromWire(String wire) {
        return WireNames.require(Status.class, wire);
    }
}
