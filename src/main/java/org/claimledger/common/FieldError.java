package org.claimledger.common;

/** One thing wrong with one field of a request, named as the client wrote it (e.g. {@code claims[2].value}). */
public record FieldError(String field, String message) {

    public FieldError prefixed(String prefix) {
        return new FieldError(prefix + (field.isEmpty() ? "" : (field.startsWith("[") ? "" : ".") + field), message);
    }
}
