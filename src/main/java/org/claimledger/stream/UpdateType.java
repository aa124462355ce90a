package org.claimledger.stream;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of update historians subscribe to, by the names the API, the stream's filter, the
 * Kafka CloudEvents ({@code org.claimledger.<name>}) and the pages use. Listed here once: the page
 * script gets them from the page (the layout serves them), never a copy of its own.
 */
public enum UpdateType {
    CLAIM_RECORDED("claim-recorded", false),
    CLAIM_REVISED("claim-revised", false),
    CLAIM_WITHDRAWN("claim-withdrawn", false),
    SOURCE_ASSESSED("source-assessed", true),
    SOURCE_RETRACTED("source-retracted", true),
    SOURCE_REINSTATED("source-reinstated", true),
    VERDICT_CHANGED("verdict-changed", false);

    private final String wire;
    private final boolean aboutASource;

    UpdateType(String wire, boolean aboutASource) {
        this.wire = wire;
        this.aboutASource = aboutASource;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return wire;
    }

    /** Every name, in this order. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(values()).forEach(t -> names.add(t.wire));
        return names;
    }

    /** The updates about a source itself (a grade, a retraction, a reinstatement). */
    public static List<String> aboutSources() {
        return Arrays.stream(values()).filter(t -> t.aboutASource).map(UpdateType::wire).toList();
    }
}
