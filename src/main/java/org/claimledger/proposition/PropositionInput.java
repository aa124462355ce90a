package org.claimledger.proposition;

import org.claimledger.common.Checks;
import org.claimledger.common.ValueType;

/** A proposition as a client writes it, checked all at once. */
public record PropositionInput(
        String id,
        String subject,
        String predicate,
        String valueType,
        String cardinality,
        String label) {

    public PropositionCommand.DefineProposition toDefine() {
        Checks checks = new Checks();
        checks.slug("id", id, true);
        String s = checks.slug("subject", subject, true);
        String p = checks.text("predicate", predicate, true, Checks.MAX_SHORT_TEXT);
        ValueType v = checks.oneOf("valueType", ValueType.class, valueType, true);
        Cardinality c = cardinality == null ? Cardinality.SINGLE
                : checks.oneOf("cardinality", Cardinality.class, cardinality, true);
        String l = checks.text("label", label, false, Checks.MAX_SHORT_TEXT);
        checks.throwIfAny();
        return new PropositionCommand.DefineProposition(id, new PropositionDetails(s, p, v, c, l));
    }
}
