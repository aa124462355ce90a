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

    public static final String RULE = "must be a lowercase slug (a-z, 0-9, '.', '_', '-', segments joined by '/'), at most "
            + MAX_LENGTH + " characters";
}
