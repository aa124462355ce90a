package org.claimledger.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {

    @Test
    void each_shape_reads_as_its_kind_of_value() {
        assertThat(parse(Map.of("entity", "ak"))).isEqualTo(new Value.EntityRef("ak"));
        assertThat(parse(Map.of("date", "1945-01-18"))).isEqualTo(new Value.DateValue(PartialDate.parse("1945-01-18")));
        assertThat(parse(Map.of("min", 3000, "max", 7000, "unit", "persons")))
                .isEqualTo(new Value.Quantity(new BigDecimal("3000"), new BigDecimal("7000"), "persons"));
        assertThat(parse(Map.of("boolean", false))).isEqualTo(new Value.Flag(false));
        assertThat(parse(Map.of("text", "street fighting"))).isEqualTo(new Value.Text("street fighting"));
    }

    @Test
    void a_point_quantity_has_min_equal_to_max_and_trailing_zeros_do_not_matter() {
        assertThat(parse(Map.of("min", 450, "max", 450.0, "unit", "buildings")))
                .isEqualTo(new Value.Quantity(new BigDecimal("450"), new BigDecimal("450"), "buildings"));
    }

    @Test
    void problems_name_the_field() {
        assertThat(problems(Map.of("min", 7000, "max", 3000, "unit", "persons"))).extracting(FieldError::field)
                .containsExactly("value");
        assertThat(problems(Map.of("min", "many", "max", 3000, "unit", "persons"))).extracting(FieldError::field)
                .containsExactly("value.min");
        assertThat(problems(Map.of("entity", "Not A Slug"))).extracting(FieldError::field)
                .containsExactly("value.entity");
        assertThat(problems(Map.of("date", "yesterday"))).extracting(FieldError::field)
                .containsExactly("value.date");
        assertThat(problems(Map.of("boolean", "yes"))).extracting(FieldError::field)
                .containsExactly("value.boolean");
        assertThat(problems(Map.of("colour", "red"))).extracting(FieldError::field).containsExactly("value");
        assertThat(problems(null)).extracting(FieldError::field).containsExactly("value");
        Map<String, Object> both = new HashMap<>();
        both.put("entity", "ak");
        both.put("text", "AK");
        assertThat(problems(both)).extracting(FieldError::field).containsExactly("value");
    }

    private static Value parse(Map<String, Object> raw) {
        Checks checks = new Checks();
        Value v = Values.parse(checks, "value", raw);
        assertThat(checks.errors()).isEmpty();
        return v;
    }

    private static java.util.List<FieldError> problems(Map<String, Object> raw) {
        Checks checks = new Checks();
        assertThat(Values.parse(checks, "value", raw)).isNull();
        return checks.errors();
    }
}
