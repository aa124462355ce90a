package org.claimledger.bibliography;

/** One thing wrong with one entry of a bibliography: which entry (its key or position), which field, why. */
public record EntryProblem(String entry, String field, String message) {
}
