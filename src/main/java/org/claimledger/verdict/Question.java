package org.claimledger.verdict;

import org.claimledger.common.ValueType;
import org.claimledger.proposition.Cardinality;

/** The proposition a verdict is about: what kind of answer it takes and whether answers exclude each other. */
public record Question(String propositionId, ValueType valueType, Cardinality cardinality) {
}
