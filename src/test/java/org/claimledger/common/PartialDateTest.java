package org.claimledger.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartialDateTest {

    @ParameterizedTest(name = "{0} has precision {1}")
    @CsvSource({"1969, YEAR", "1945-01, MONTH", "1945-01-18, DAY", "0966, YEAR"})
    void the_form_gives_the_precision(String text, PartialDate.Precision precision) {
        PartialDate date = PartialDate.parse(text);
        assertThat(date.precision()).isEqualTo(precision);
        assertThat(date.toString()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"1945-13", "1945-02-30", "45", "1945/01/18", "18-01-1945", "1945-1-8", "", "1945-01-18T00:00"})
    void malformed_or_impossible_dates_are_refused(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dates_order_by_their_known_parts() {
        assertThat(PartialDate.parse("1945-01-18")).isLessThan(PartialDate.parse("1945-01-19"));
        assertThat(PartialDate.parse("1939")).isLessThan(PartialDate.parse("1945-01"));
    }
}
