package org.claimledger.pages;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write record times: to the minute, in UTC, as a reader takes them in. */
@TemplateExtension
final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            java.util.Locale.UK).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String when(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
