package org.claimledger.verdict;

import org.claimledger.common.PartialDate;

/**
 * A source's retraction as the rules see it: why, when it was published (the source-time clock
 * reads this date), and who recorded it in the ledger. A retracted source weighs nothing.
 */
public record Retraction(String reason, PartialDate date, String recordedBy) {

    /** Whether historiography knew of it by the end of {@code year}. */
    public boolean publishedBy(int year) {
        return date.year() <= year;
    }
}
