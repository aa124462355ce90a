package org.claimledger.common;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** BCP 47 language tags ({@code nl}, {@code en}, {@code pl}, {@code ru}, {@code sr-Latn}). */
public final class LanguageTags {

    private LanguageTags() {
    }

    public static boolean isValid(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 35) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return !locale.getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
