package org.claimledger.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @ParameterizedTest(name = "{0}: {1} finds {2}")
    @CsvSource({
            "pl, miasto, miasta",
            "pl, miasto, mieście",
            "pl, wysadzenie, wysadzenia",
            "pl, Kraków, Krakowa",
            "pl, Armia, Armii",
            "pl, Krajowa, Krajowej",
            "pl, rozminowanie, rozminowania",
            "nl, bevrijd, bevrijding",
            "nl, bevrijding, bevrijdingen",
            "en, demined, demining",
            "en, bridges, bridge",
            "de, Stadt, Städte",
            "de, Krakau, KRAKAU",
            "ru, город, города",
            "ru, армия, армии",
            "ru, Кракова, Кракове",
            "ru, ёлка, елка",
            "any, Kraków, krakow",
            "any, ŁÓDŹ, lodz",
    })
    void inflected_forms_and_spellings_find_each_other(String language, String one, String other) {
        // a dictionary may give several lemmas of a word (mieście: miasto, or the verb miesić): one shared is a match
        assertThat(forms(language, other)).containsAnyElementsOf(forms(language, one));
    }

    @ParameterizedTest(name = "{0}: {1} is not {2}")
    @CsvSource({
            "pl, miasto, most",
            "en, mine, demined",
            "nl, bevrijding, beving",
            "any, miasto, miasta",
    })
    void different_words_stay_apart(String language, String one, String other) {
        assertThat(forms(language, other)).doesNotContainAnyElementsOf(forms(language, one));
    }

    @ParameterizedTest
    @CsvSource({"pl, pl", "pl-PL, pl", "RU, ru", "en-GB, en", "uk, any", "'', any", "fr, any"})
    void a_tag_falls_under_its_stemmed_language(String tag, String language) {
        assertThat(Languages.of(tag)).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}: {1} is indexed as {2}")
    @CsvSource(delimiter = '|', value = {
            // as written, then each of its stems, marked, at the same position
            "pl | Mieście | miescie, ~miesic, ~miasto",
            "pl | miasto most | miasto, ~miasto, most, ~most",   // a word that is its own lemma: both
            "pl | Krakowa | krakowa, ~krakow",
            "en | demined bridges | demined, ~demin, bridges, ~bridg",
            "ru | Спасён | спасен, ~спас",
            "de | Städte | stadte, ~stadt",
            "any | Kraków Łódź | krakow, lodz",
    })
    void a_word_is_indexed_as_written_and_by_its_stems(String language, String text, String expected) {
        List<String> terms = Analysis.terms(Languages.analyzer(language), text).stream()
                .map(t -> t.replace(Forms.STEM, '~'))
                .toList();
        assertThat(terms).containsExactlyElementsOf(List.of(expected.split(",\\s*")));
    }

    static Set<String> forms(String language, String text) {
        Set<String> forms = new HashSet<>();
        // a word's stems, or (the neutral chain has none) the word as written
        Languages.words(language, text).forEach(w -> forms.addAll(w.stems().isEmpty() ? Set.of(w.written()) : w.stems()));
        return forms;
    }
}
