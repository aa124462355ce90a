package org.claimledger.common;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** Reads a claim's value from its JSON or YAML form, naming what is wrong with it. */
public final class Values {

    private static final String SHAPES = "one of {\"entity\":id}, {\"date\":\"YYYY[-MM[-DD]]\"}, "
            + "{\"min\":n,\"max\":n,\"unit\":u}, {\"boolean\":b}, {\"text\":t}";

    private Values() {
    }

    public static Value parse(Checks checks, String field, Map<String, Object> raw) {
        if (raw == null) {
            checks.fail(field, "is required; " + SHAPES);
            return null;
        }
        Set<String> keys = raw.keySet();
        if (keys.equals(Set.of("entity"))) {
            String id = checks.slug(field + ".entity", asString(checks, field + ".entity", raw.get("entity")), true);
            return checks.ok() && id != null ? new Value.EntityRef(id) : null;
        }
        if (keys.equals(Set.of("date"))) {
            String text = asString(checks, field + ".date", raw.get("date"));
            PartialDate date = checks.parsed(field + ".date", text, true, PartialDate::parse);
            return date == null ? null : new Value.DateValue(date);
        }
        if (keys.equals(Set.of("min", "max", "unit"))) {
            BigDecimal min = asNumber(checks, field + ".min", raw.get("min"));
            BigDecimal max = asNumber(checks, field + ".max", raw.get("max"));
            String unit = checks.text(field + ".unit", asString(checks, field + ".unit", raw.get("unit")), true, 100);
            if (min == null || max == null || unit == null) {
                return null;
            }
            if (min.compareTo(max) > 0) {
                checks.fail(field, "min (" + min.toPlainString() + ") must not exceed max (" + max.toPlainString() + ")");
                return null;
            }
            return new Value.Quantity(min, max, unit);
        }
        if (keys.equals(Set.of("boolean"))) {
            Object b = raw.get("boolean");
            if (b instanceof Boolean flag) {
                return new Value.Flag(flag);
            }
            checks.fail(field + ".boolean", "must be true or false");
            return null;
        }
        if (keys.equals(Set.of("text"))) {
            String text = checks.text(field + ".text", asString(checks, field + ".text", raw.get("text")), true,
                    Checks.MAX_LONG_TEXT);
            return text == null ? null : new Value.Text(text);
        }
        checks.fail(field, "has fields " + keys + "; a value is " + SHAPES);
        return null;
    }

    private static String asString(Checks checks, String field, Object raw) {
        if (raw == null || raw instanceof String) {
            return (String) raw;
        }
        checks.fail(field, "must be a string");
        return null;
    }

    private static BigDecimal asNumber(Checks checks, String field, Object raw) {
        if (raw instanceof Number n) {
            try {
                BigDecimal d = new BigDecimal(n.toString());
                if (d.abs().compareTo(new BigDecimal("1e15")) > 0) {
                    checks.fail(field, "is out of range");
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                checks.fail(field, "must be a finite number");
                return null;
            }
        }
        checks.fail(field, raw == null ? "is required" : "must be a number");
        return null;
    }
}
