package org.claimledger.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the pages put the ledger's values, statuses and figures into words a historian reads at a glance. */
public final class Wording {

    private static final Map<String, String> STATUS_MEANINGS = Map.of(
            "contested", "Conflicting positions each keep at least one credible line of testimony.",
            "corroborated", "What remains agrees, and two or more independent lines of testimony support it.",
            "single-line", "What remains agrees, but it rests on one line of testimony.",
            "discredited", "Whatever was asserted rests only on discounted lines of testimony.",
            "unattested", "No live claim answers this question.");

    private Wording() {
    }

    /** A status as a heading: "contested" gives "Contested", "single-line" gives "Single line". */
    public static String status(String wire) {
        if (wire == null || wire.isEmpty()) {
            return "";
        }
        String words = wire.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** What a status means, in the words of the verdict rules. */
    public static String statusMeaning(String wire) {
        return STATUS_MEANINGS.getOrDefault(wire, "");
    }

    /** A wire name as words: "eyewitness-testimony" gives "eyewitness testimony". */
    public static String words(String wire) {
        return wire == null ? "" : wire.replace('-', ' ');
    }

    /**
     * A claimed value as a reader says it: an entity by its name, a date as given, a quantity as a
     * number or a range with its unit, yes or no, or the text itself.
     */
    public static String value(JsonNode value, Function<String, String> entityName) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.has("entity")) {
            return entityName.apply(value.get("entity").asText());
        }
        if (value.has("date")) {
            return value.get("date").asText();
        }
        if (value.has("min")) {
            String min = number(value.get("min").decimalValue());
            String max = number(value.get("max").decimalValue());
            String unit = value.path("unit").asText("");
            return (min.equals(max) ? min : min + "–" + max) + (unit.isEmpty() ? "" : " " + unit);
        }
        if (value.has("boolean")) {
            return value.get("boolean").asBoolean() ? "yes" : "no";
        }
        if (value.has("text")) {
            return value.get("text").asText();
        }
        return value.toString();
    }

    /**
     * A position as a heading, from its id ({@code asserts ak}, {@code denies nkvd},
     * {@code asserts 60000..90000 persons}): the value, named; a denial reads "not ...".
     */
    public static String position(String positionId, Function<String, String> entityName) {
        if (positionId == null) {
            return "";
        }
        String[] parts = positionId.split(" ", 2);
        if (parts.length < 2) {
            return positionId;
        }
        String rest = parts[1];
        Matcher quantity = QUANTITY.matcher(rest);
        String said;
        if (quantity.matches()) {
            // as a value reads: grouped digits, a dash between the ends of a range, then the unit
            String min = number(new BigDecimal(quantity.group(1)));
            String range = quantity.group(2) == null ? min : min + "–" + number(new BigDecimal(quantity.group(2)));
            String unit = quantity.group(3).strip();
            said = unit.isEmpty() ? range : range + " " + unit;
        } else {
            said = rest.matches("[a-z0-9._/-]+") ? entityName.apply(rest) : rest;
        }
        if (said.equals("true")) {
            said = "yes";
        } else if (said.equals("false")) {
            said = "no";
        }
        return parts[0].equals("denies") ? "not " + said : said;
    }

    /** A quantity's position: {@code 3000..7000 persons}, {@code 1500 persons} (a number, then always a space and the unit). */
    private static final Pattern QUANTITY = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(?:\\.\\.(-?\\d+(?:\\.\\d+)?))? (.*)");

    /** The leading value's id in a position id, when it names an entity. */
    public static String entityOf(String positionId) {
        if (positionId == null) {
            return null;
        }
        String[] parts = positionId.split(" ", 2);
        return parts.length == 2 && parts[1].matches("[a-z0-9._/-]+") ? parts[1] : null;
    }

    /** Support as a whole percentage, for bars: 0.8 gives 80. */
    public static int percent(double support) {
        return (int) Math.round(Math.max(0, Math.min(1, support)) * 100);
    }

    /** A weight or support figure as the verdict rules write it: two decimals at most. */
    public static String figure(double weight) {
        return BigDecimal.valueOf(weight).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String number(BigDecimal n) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMaximumFractionDigits(6);
        return format.format(n);
    }
}
