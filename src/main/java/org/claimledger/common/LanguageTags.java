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
}
