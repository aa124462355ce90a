package org.claimledger.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTextTest {

    static QueryText.Part word(String w) {
        return new QueryText.Part(w, false);
    }

    static QueryText.Part phrase(String p) {
        return new QueryText.Part(p, true);
    }

    @Test
    void words_and_quoted_phrases() {
        assertThat(QueryText.parse("Konev  \"Armia Krajowa\" Kraków").parts())
                .containsExactly(word("Konev"), phrase("Armia Krajowa"), word("Kraków"));
    }

    @Test
    void typographic_quotes_as_Polish_and_German_print_them() {
        assertThat(QueryText.parse("„Armia Krajowa” «ocalili miasto»").parts())
                .containsExactly(phrase("Armia Krajowa"), phrase("ocalili miasto"));
    }

    @Test
    void a_quote_left_open_runs_to_the_end() {
        assertThat(QueryText.parse("NKVD \"saved the city").parts())
                .containsExactly(word("NKVD"), phrase("saved the city"));
    }

    @Test
    void a_quoted_single_word_is_a_word() {
        assertThat(QueryText.parse("\"Kraków\"").parts()).containsExactly(word("Kraków"));
    }

    @Test
    void lucene_syntax_is_text() {
        assertThat(QueryText.parse("title:(AK OR NKVD)^2 -mine*").parts()).containsExactly(
                word("title:(AK"), word("OR"), word("NKVD)^2"), word("-mine*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void an_empty_query_is_refused(String q) {
        assertThatThrownBy(() -> QueryText.parse(q)).hasMessageContaining("is empty");
    }

    @Test
    void an_over_long_query_is_refused() {
        assertThat(QueryText.parse("a".repeat(QueryText.MAX_LENGTH)).parts()).hasSize(1);
        assertThatThrownBy(() -> QueryText.parse("a".repeat(QueryText.MAX_LENGTH + 1)))
                .hasMessageContaining("at most 500");
    }

    @Test
    void only_quotes_give_no_parts() {
        assertThat(QueryText.parse("\"\" \"").parts()).isEqualTo(List.of());
    }
}
