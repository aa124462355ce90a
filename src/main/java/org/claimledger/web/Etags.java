package org.claimledger.web;

import jakarta.ws.rs.core.EntityTag;
import org.claimledger.common.Rejection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions on the wire: {@code ETag: "3"} out of a write, {@code If-Match: "3"} in. A read's tag adds
 * the digest of its body ({@code "3.Xq8r…"}, {@link HttpCaching}); If-Match takes its version part.
 */
public final class Etags {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})(?:\\.[A-Za-z0-9_-]{1,64})?\"?\\s*");

    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header expects, or null when absent or {@code *} (any existing version). */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher m = TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw Rejection.invalid("If-Match", "must be a version as given in an ETag, such as \"3\"");
        }
        return Long.parseLong(m.group(1));
    }
}
