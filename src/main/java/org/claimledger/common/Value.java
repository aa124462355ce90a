package org.claimledger.common;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;

/**
 * What a claim says the answer is. The JSON shape names the kind: {@code {"entity":"ak"}},
 * {@code {"date":"1945-01-18"}}, {@code {"min":3000,"max":7000,"unit":"persons"}},
 * {@code {"boolean":true}}, {@code {"text":"..."}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
        @JsonSubTypes.Type(Value.EntityRef.class),
        @JsonSubTypes.Type(Value.DateValue.class),
        @JsonSubTypes.Type(Value.Quantity.class),
        @JsonSubTypes.Type(Value.Flag.class),
        @JsonSubTypes.Type(Value.Text.class)
})
public sealed interface Value {

    /** A person, place, unit, organisation or event, by its entity id. */
    record EntityRef(String entity) implements Value {
    }

    /** A date at the precision the source gives. */
    record DateValue(PartialDate date) implements Value {
    }

    /** A count or measure as a range; a point has {@code min == max}. */
    record Quantity(BigDecimal min, BigDecimal max, String unit) implements Value {
        public Quantity {
            if (min == null || max == null || unit == null || unit.isBlank()) {
                throw new IllegalArgumentException("a quantity needs min, max and unit");
            }
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("min must not exceed max");
            }
            min = canonical(min);
            max = canonical(max);
        }
    }

    /** 450, 450.0 and 4.5E+2 are one number; stored plainly. */
    private static BigDecimal canonical(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Yes or no. The JSON field is {@code boolean}. */
    record Flag(@com.fasterxml.jackson.annotation.JsonProperty("boolean") boolean value) implements Value {
    }

    /** Free text, compared after folding case, white space and diacritics. */
    record Text(String text) implements Value {
    }
}
