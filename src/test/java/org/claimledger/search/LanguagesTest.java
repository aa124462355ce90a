package org.claimledger.search;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

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
        Analyzer analyzer = Languages.analyzer(language);
        // a dictionary may give several lemmas of a word (mieście: miasto, or the verb miesić): one shared is a match
        assertThat(terms(analyzer, other)).containsAnyElementsOf(terms(analyzer, one));
    }

    @ParameterizedTest(name = "{0}: {1} is not {2}")
    @CsvSource({
            "pl, miasto, most",
            "en, mine, demined",
            "nl, bevrijding, beving",
            "any, miasto, miasta",
    })
    void different_words_stay_apart(String language, String one, String other) {
        Analyzer analyzer = Languages.analyzer(language);
        assertThat(terms(analyzer, other)).doesNotContainAnyElementsOf(terms(analyzer, one));
    }

    @ParameterizedTest
    @CsvSource({"pl, pl", "pl-PL, pl", "RU, ru", "en-GB, en", "uk, any", "'', any", "fr, any"})
    void a_tag_falls_under_its_stemmed_language(String tag, String language) {
        assertThat(Languages.of(tag)).isEqualTo(language);
    }

    static List<String> terms(Analyzer analyzer, String text) {
        return Analysis.terms(analyzer, text);
    }
}
