package org.claimledger.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.claimledger.common.WireNames;

/** What sort of thing a source is, as a historian would file it. */
public enum SourceKind {
    ARCHIVAL_DOCUMENT, OFFICIAL_REPORT, EYEWITNESS_TESTIMONY, MEMOIR, PRESS, STATE_STATEMENT, SCHOLARSHIP,
    REFERENCE_WORK, OTHER;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static SourceKind fromWire(String wire) {
        return WireNames.require(SourceKind.class, wire);
    }
}
