package org.claimledger.common;

import java.util.List;

/**
 * A command the ledger refuses, and why. The domain says what kind of refusal it is; the HTTP layer
 * decides how to answer it. Nothing is written when a command is rejected.
 */
public class Rejection extends RuntimeException {

    /**
     * What kind of refusal: the client's input, a missing referent, a clash with what is recorded, a
     * stale version, or a ledger that cannot take writes just now (shutting down).
     */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, STALE, UNAVAILABLE }

    private final Kind kind;
    private final transient List<FieldError> errors;

    protected Rejection(Kind kind, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static Rejection invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Rejection(Kind.INVALID, detail, errors);
    }

    public static Rejection invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static Rejection notFound(String what, String id, String field) {
        String detail = what + " '" + id + "' does not exist";
        return new Rejection(Kind.NOT_FOUND, detail, field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    public static Rejection conflict(String detail) {
        return new Rejection(Kind.CONFLICT, detail, List.of());
    }

    public static Rejection stale(String id, long expected, Long actual) {
        return new Rejection(Kind.STALE,
                "'" + id + "' is at version " + actual + ", not " + expected + " as the request expected", List.of());
    }

    public static Rejection unavailable(String detail) {
        return new Rejection(Kind.UNAVAILABLE, detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The same refusal, with every field name placed under {@code prefix} (for items of a batch). */
    public Rejection within(String prefix) {
        return new Rejection(kind, prefix + ": " + getMessage(), errors.stream().map(e -> e.prefixed(prefix)).toList());
    }
}
