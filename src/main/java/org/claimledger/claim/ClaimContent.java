package org.claimledger.claim;

import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;

/**
 * What one source says about one proposition, and where it says it. {@code quote} is the passage
 * exactly as the source has it (encoding damage included); {@code translation} may render it in
 * English; {@code via} names the source through which the ledger knows a reported claim;
 * {@code when} is the event time the claim speaks of, when it gives one.
 */
public record ClaimContent(
        String propositionId,
        Stance stance,
        Value value,
        String locator,
        String quote,
        String quoteLanguage,
        String translation,
        String via,
        String note,
        PartialDate when) {
}
