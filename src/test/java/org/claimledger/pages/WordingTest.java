package org.claimledger.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** How values, positions and statuses are put into words: a table per rule. */
class WordingTest {

    static final Function<String, String> NAMES = id -> Map.of("ak", "Home Army", "nkvd", "NKVD").getOrDefault(id, id);
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "{\"entity\":\"ak\"}                               | Home Army",
            "{\"entity\":\"unknown-unit\"}                     | unknown-unit",
            "{\"date\":\"1945-01-18\"}                         | 1945-01-18",
            "{\"min\":450,\"max\":450,\"unit\":\"buildings\"}  | 450 buildings",
            "{\"min\":60000,\"max\":90000,\"unit\":\"persons\"}| 60,000–90,000 persons",
            "{\"min\":2.5,\"max\":2.5,\"unit\":\"days\"}       | 2.5 days",
            "{\"boolean\":true}                                | yes",
            "{\"boolean\":false}                               | no",
            "{\"text\":\"Wawel\"}                              | Wawel"})
    void a_value_reads_as_a_historian_would_say_it(String json, String words) throws Exception {
        assertThat(Wording.value(JSON.readTree(json), NAMES)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "asserts ak                   | Home Army",
            "denies nkvd                  | not NKVD",
            "asserts 60000..90000 persons | 60,000–90,000 persons",
            "asserts 600000..800000 persons | 600,000–800,000 persons",
            "denies 1500 persons          | not 1,500 persons",
            "asserts 2.5..3.75 km         | 2.5–3.75 km",
            "asserts true                 | yes",
            "denies false                 | not no",
            "asserts 1945-01-18           | 1945-01-18",
            "asserts 1945                 | 1945"})
    void a_position_reads_as_its_value_and_a_denial_as_not(String id, String words) {
        assertThat(Wording.position(id, NAMES)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "contested    | Contested",
            "single-line  | Single line",
            "corroborated | Corroborated"})
    void a_status_reads_as_a_heading_and_has_a_meaning(String wire, String heading) {
        assertThat(Wording.status(wire)).isEqualTo(heading);
        assertThat(Wording.statusMeaning(wire)).isNotBlank();
    }

    @ParameterizedTest(name = "support {0} is {1} %")
    @CsvSource({"0.8, 80", "0.3, 30", "0.995, 100", "1.2, 100", "-1, 0"})
    void support_becomes_a_bar_length_within_0_and_100(double support, int percent) {
        assertThat(Wording.percent(support)).isEqualTo(percent);
    }
}
