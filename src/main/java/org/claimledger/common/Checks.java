package org.claimledger.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects every problem with an input before anything is done with it, so that a client hears
 * about all its bad fields at once rather than one per attempt.
 */
public final class Checks {

    public static final int MAX_SHORT_TEXT = 500;
    public static final int MAX_LONG_TEXT = 10_000;

    private final List<FieldError> errors = new ArrayList<>();

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the collected problems, if there are any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
    }

    /**
     * Checks a text field and returns it in Unicode NFC, so that one text has one spelling in the
     * ledger ("Kraków" typed with a combining accent is the same word); nothing else about it is
     * changed: quotes keep their spacing, their punctuation and their encoding damage.
     */
    public String text(String field, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        String nfc = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC);
        if (nfc.length() > maxLength) {
            fail(field, "must be at most " + maxLength + " characters (is " + nfc.length() + ")");
        }
        return nfc;
    }

    public int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            fail(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    public String slug(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        if (!Slugs.isValid(value)) {
            fail(field, Slugs.RULE);
        }
        return value;
    }

    public List<String> slugs(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            slug(field + "[" + i + "]", values.get(i), true);
        }
        if (values.stream().distinct().count() != values.size()) {
            fail(field, "must not name the same id twice");
        }
        return values;
    }

    public <E extends Enum<E>> E oneOf(String field, Class<E> type, String value, boolean required) {
        if (value == null) {
            if (required) {
                fail(field, "is required; one of " + WireNames.allowed(type));
            }
            return null;
        }
        return WireNames.parse(type, value).orElseGet(() -> {
            fail(field, "'" + value + "' is not one of " + WireNames.allowed(type));
            return null;
        });
    }

    public String language(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                fail(field, "is required (a BCP 47 language tag such as nl, en, pl, ru)");
            }
            return null;
        }
        if (!LanguageTags.isValid(value)) {
            fail(field, "'" + value + "' is not a BCP 47 language tag (such as nl, en, pl, ru)");
        }
        return value;
    }

    /** Parses with {@code parser}, reporting its IllegalArgumentException as a problem of {@code field}. */
    public <T> T parsed(String field, String value, boolean required, Function<String, T> parser) {
        if (value == null) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            fail(field, e.getMessage());
            return null;
        }
    }
}
