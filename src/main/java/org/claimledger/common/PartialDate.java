package org.claimledger.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to a year, a month or a day: {@code 1969}, {@code 1945-01}, {@code 1945-01-18}.
 * The precision is part of the value: a source that says "January 1945" does not say "1 January".
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {

    public enum Precision { YEAR, MONTH, DAY }

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (month == null && day != null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("is not a calendar date: there is no month " + month);
        }
        try {
            if (day != null) {
                LocalDate.of(year, month, day);
            } else if (month != null) {
                YearMonth.of(year, month);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a calendar date: " + YearMonth.of(year, month) + " has no day " + day);
        }
    }

    /** Parses the ISO-like forms YYYY, YYYY-MM and YYYY-MM-DD; anything else is refused. */
    @JsonCreator
    public static PartialDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a date is required");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
        Integer month = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer day = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        try {
            return new PartialDate(Integer.parseInt(m.group(1)), month, day);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' " + e.getMessage());
        }
    }

    public Precision precision() {
        return day != null ? Precision.DAY : month != null ? Precision.MONTH : Precision.YEAR;
    }

    @JsonValue
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format("%04d", year));
        if (month != null) {
            s.append(String.format("-%02d", month));
        }
        if (day != null) {
            s.append(String.format("-%02d", day));
        }
        return s.toString();
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = Integer.compare(year, o.year);
        if (c == 0) {
            c = Integer.compare(month == null ? 0 : month, o.month == null ? 0 : o.month);
        }
        if (c == 0) {
            c = Integer.compare(day == null ? 0 : day, o.day == null ? 0 : o.day);
        }
        return c;
    }
}
