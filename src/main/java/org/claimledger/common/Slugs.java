package org.claimledger.common;

import java.util.regex.Pattern;

/**
 * Ids are lowercase slugs ({@code a-z 0-9 . _ -}) with {@code /} as a namespace separator, so
 * they can sit in a URL path as they are. No empty segments, no {@code .} or {@code ..} segments.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 200;
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private Slugs() {
    }

    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (String segment : id.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A slug made of free text ({@code "Kraków 1945: the NKVD"} → {@code krakow-1945-the-nkvd}):
     * diacritics folded, everything but letters and digits a hyphen, at most {@code maxLength}
     * characters. Empty when nothing of the text is left.
     */
    public static String of(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String folded = java.text.Normalizer.normalize(text.replace("ł", "l").replace("Ł", "L")
                .replace("ß", "ss").replace("ø", "o").replace("Ø", "O"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[-._]+|[-._]+$", "");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength).replaceAll("[-._]+$", "");
        }
        return slug;
    }

    public static final String RULE = "must be a lowercase slug (a-z, 0-9, '.', '_', '-', segments joined by '/'), at most "
            + MAX_LENGTH + " characters";
}
