package org.claimledger.linkeddata;

/**
 * What a linked-data answer covers: the whole ledger, one subject (the entity, its propositions
 * with their verdicts, their claims and the sources that make them), or one resource as its own
 * API URL gives it (a source with its claims, a claim, a proposition with its verdict and claims).
 */
public record Scope(Kind kind, String id) {

    public enum Kind { LEDGER, SUBJECT, SOURCE, CLAIM, PROPOSITION }

    public static Scope ledger() {
        return new Scope(Kind.LEDGER, null);
    }

    public static Scope subject(String entityId) {
        return new Scope(Kind.SUBJECT, entityId);
    }

    public static Scope source(String id) {
        return new Scope(Kind.SOURCE, id);
    }

    public static Scope claim(String id) {
        return new Scope(Kind.CLAIM, id);
    }

    public static Scope proposition(String id) {
        return new Scope(Kind.PROPOSITION, id);
    }

    /** The SQL condition that keeps a table's rows in scope, or null when the table has none in it. */
    String where(Table table) {
        return switch (kind) {
            case LEDGER -> "TRUE";
            case SUBJECT -> switch (table) {
                case ENTITIES -> "id = ?";
                case PROPOSITIONS, VERDICTS -> "subject = ?";
                case CLAIMS -> "proposition_id IN (SELECT id FROM proposition_view WHERE subject = ?)";
                case SOURCES -> "id IN (SELECT c.source_id FROM claim_view c JOIN proposition_view p "
                        + "ON p.id = c.proposition_id WHERE p.subject = ?)";
            };
            case SOURCE -> switch (table) {
                case SOURCES -> "id = ?";
                case CLAIMS -> "source_id = ?";
                default -> null;
            };
            case CLAIM -> table == Table.CLAIMS ? "id = ?" : null;
            case PROPOSITION -> switch (table) {
                case PROPOSITIONS -> "id = ?";
                case VERDICTS -> "proposition_id = ?";
                case CLAIMS -> "proposition_id = ?";
                default -> null;
            };
        };
    }

    enum Table { ENTITIES, PROPOSITIONS, VERDICTS, SOURCES, CLAIMS }
}
