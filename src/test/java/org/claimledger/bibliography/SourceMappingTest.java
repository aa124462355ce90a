package org.claimledger.bibliography;

import org.claimledger.source.SourceInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.bibliography.BibliographyFileTest.fixture;

class SourceMappingTest {

    private static Map<String, SourceInput> byId(SourceMapping.Result result) {
        Map<String, SourceInput> map = new LinkedHashMap<>();
        result.sources().forEach(m -> map.put(m.id(), m.input()));
        return map;
    }

    @Test
    void a_zotero_library_becomes_sources() {
        SourceMapping.Result result = SourceMapping.map(BibliographyFile.cslJson(fixture("library.json")));
        assertThat(result.problems()).isEmpty();
        Map<String, SourceInput> sources = byId(result);
        assertThat(sources.keySet()).containsExactly("davies-2003-rising", "chwalba-2004-krakow",
                "armia-krajowa-okreg-krakow-1945-meldunek-o-sytuacji-w", "nyt-1945-krakow");

        SourceInput davies = sources.get("davies-2003-rising");
        assertThat(davies.title()).isEqualTo("Rising '44: The Battle for Warsaw");
        assertThat(davies.authors()).containsExactly("Norman Davies");
        assertThat(davies.kind()).isEqualTo("scholarship");
        assertThat(davies.published()).isEqualTo("2003");
        assertThat(davies.language()).isEqualTo("en");
        assertThat(davies.citation()).isNull();
        assertThat(davies.csl()).containsEntry("publisher", "Macmillan");

        SourceInput chwalba = sources.get("chwalba-2004-krakow");
        assertThat(chwalba.published()).isEqualTo("2004-05");
        assertThat(chwalba.language()).isEqualTo("pl-PL");
        assertThat(chwalba.citation()).isEqualTo("https://doi.org/10.1234/dk.2004.5");

        SourceInput report = sources.get("armia-krajowa-okreg-krakow-1945-meldunek-o-sytuacji-w");
        assertThat(report.kind()).isEqualTo("archival-document");
        assertThat(report.authors()).containsExactly("Armia Krajowa, Okręg Kraków");
        assertThat(report.published()).isEqualTo("1945-01-18");
        assertThat(report.citation()).isEqualTo("Archiwum Akt Nowych (Warszawa), zesp. 203/X-12, k. 44");

        SourceInput nyt = sources.get("nyt-1945-krakow");
        assertThat(nyt.kind()).isEqualTo("press");
        assertThat(nyt.authors()).isEmpty();
        assertThat(nyt.citation()).startsWith("https://www.nytimes.com/");
    }

    @Test
    void a_bibtex_file_becomes_the_same_sources() {
        SourceMapping.Result result = SourceMapping.map(BibliographyFile.bibtex(fixture("library.bib")));
        assertThat(result.problems()).isEmpty();
        Map<String, SourceInput> sources = byId(result);
        assertThat(sources.keySet()).containsExactlyInAnyOrder("davies-2003-rising", "chwalba2004", "nowak1999");
        assertThat(sources.get("davies-2003-rising").kind()).isEqualTo("scholarship");
        assertThat(sources.get("davies-2003-rising").language()).isEqualTo("en");
        assertThat(sources.get("chwalba2004").authors()).containsExactly("Andrzej Chwalba", "Jan Kowalski");
        assertThat(sources.get("chwalba2004").published()).isEqualTo("2004-05");
        assertThat(sources.get("chwalba2004").language()).isEqualTo("pl");
        assertThat(sources.get("nowak1999").kind()).isEqualTo("scholarship");
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
            "unknown-type.json, odd-1945, type, clay-tablet",
            "no-title.json, untitled-1945, title, required",
            "impossible-date.json, yalta-1945, issued, 1945-02 has no day 30",
            "bad-language.json, klingon-1945, language, Klingonese",
            "collision.json, same-key, id, as entry 'same-key' does"})
    void a_bad_entry_is_named_with_its_field(String file, String entry, String field, String says) {
        SourceMapping.Result result = SourceMapping.map(BibliographyFile.cslJson(fixture(file)));
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.entry()).isEqualTo(entry);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(says);
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"Polish, pl", "pl, pl", "pl-PL, pl-PL", "pl_PL, pl-PL", "English, en", "russian, ru", "nl, nl"})
    void languages_become_bcp47_tags(String given, String tag) {
        Map<String, Object> item = new LinkedHashMap<>(Map.of("type", "book", "title", "T", "language", given));
        List<EntryProblem> problems = new ArrayList<>();
        assertThat(SourceMapping.map(new BibliographyFile.Item("e", item), problems)).get()
                .extracting(m -> m.input().language()).isEqualTo(tag);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"date-parts\": [[1969]]} | 1969",
            "{\"date-parts\": [[1945, 1]]} | 1945-01",
            "{\"date-parts\": [[\"1945\", \"1\", \"18\"]]} | 1945-01-18",
            "{\"raw\": \"1945-01-18\"} | 1945-01-18",
            "\"1983\" | 1983"})
    void dates_keep_the_precision_given(String issued, String published) throws Exception {
        Object date = new com.fasterxml.jackson.databind.ObjectMapper().readValue(issued, Object.class);
        assertThat(SourceMapping.date(date)).hasToString(published);
    }

    @Test
    void with_no_key_the_id_is_made_of_author_year_and_title() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "12345");
        item.put("type", "book");
        item.put("title", "Kraków: The Liberation of a City and Its Myths");
        item.put("author", List.of(Map.of("family", "Żurawski", "given", "Jan")));
        item.put("issued", Map.of("date-parts", List.of(List.of(2011))));
        List<EntryProblem> problems = new ArrayList<>();
        assertThat(SourceMapping.map(new BibliographyFile.Item("#1", item), problems)).get()
                .extracting(SourceMapping.Mapped::id).isEqualTo("zurawski-2011-krakow-the-liberation-of");
    }
}
