package org.claimledger.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enums that travel as lowercase, hyphenated words ({@code archival-document}), in JSON and in events. */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(wire)).findFirst();
    }

    public static <E extends Enum<E>> E require(Class<E> type, String wire) {
        return parse(type, wire).orElseThrow(() -> new IllegalArgumentException(
                "'" + wire + "' is not one of " + allowed(type)));
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
    }
}
