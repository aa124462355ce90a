package org.claimledger.common;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** BCP 47 language tags ({@code nl}, {@code en}, {@code pl}, {@code ru}, {@code sr-Latn}, {@code und}). */
public final class LanguageTags {

    private LanguageTags() {
    }

    public static boolean isValid(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 35) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            // "und" (undetermined) is a tag of its own: a source whose language is not known
            return !locale.getLanguage().isEmpty() || tag.equals("und") || tag.startsWith("und-");
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /**
     * A BCP 47 tag for a language as bibliographies write it: a tag ({@code pl}, {@code pl-PL},
     * {@code pl_PL}) or an English name ({@code Polish}, {@code English}). Empty when it is neither.
     */
    public static java.util.Optional<String> fromNameOrTag(String language) {
        if (language == null || language.isBlank()) {
            return java.util.Optional.empty();
        }
        String text = language.strip();
        for (String code : Locale.getISOLanguages()) {
            if (new Locale(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(text)) {
                return java.util.Optional.of(Locale.forLanguageTag(code).toLanguageTag());
            }
        }
        String tag = text.replace('_', '-');
        // a bare word of five or more letters is a name we do not know, not a registered subtag
        if (!tag.contains("-") && tag.length() > 3 && !tag.equals("und")) {
            return java.util.Optional.empty();
        }
        if (!isValid(tag)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Locale.Builder().setLanguageTag(tag).build().toLanguageTag());
    }
}
