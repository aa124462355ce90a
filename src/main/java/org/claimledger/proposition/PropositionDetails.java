package org.claimledger.proposition;

import org.claimledger.common.ValueType;

/** The question a claim answers: about which entity, what is asked, and what kind of answer it takes. */
public record PropositionDetails(
        String subject,
        String predicate,
        ValueType valueType,
        Cardinality cardinality,
        String label) {
}
