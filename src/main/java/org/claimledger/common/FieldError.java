package org.claimledger.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with one field of a request, named as the client wrote it (e.g. {@code claims[2].value});
 * for a file of many entries (a bibliography) also the entry, by its citation key or place in the file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, String entry) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }

    public FieldError prefixed(String prefix) {
        return new FieldError(prefix + (field.isEmpty() ? "" : (field.startsWith("[") ? "" : ".") + field), message, entry);
    }
}
