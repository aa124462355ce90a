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

    @ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "1945-13    | '1945-13' is not a calendar date: there is no month 13",
            "1945-00    | '1945-00' is not a calendar date: there is no month 0",
            "1945-02-30 | '1945-02-30' is not a calendar date: 1945-02 has no day 30"})
    void an_impossible_date_is_refused_in_words_that_name_it(String text, String message) {
        assertThatThrownBy(() -> PartialDate.parse(text)).hasMessage(message);
    }

    @Test
    void dates_order_by_their_known_parts() {
        assertThat(PartialDate.parse("1945-01-18")).isLessThan(PartialDate.parse("1945-01-19"));
        assertThat(PartialDate.parse("1939")).isLessThan(PartialDate.parse("1945-01"));
    }
}
