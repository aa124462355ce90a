package org.claimledger.bibliography;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BibliographyFileTest {

    static String fixture(String name) {
        try (InputStream in = BibliographyFileTest.class.getResourceAsStream("/bibliography/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void csl_json_items_are_read_as_recorded_in_the_files_order() {
        List<BibliographyFile.Item> items = BibliographyFile.cslJson(fixture("library.json"));
        assertThat(items).extracting(BibliographyFile.Item::entry).containsExactly("davies-2003-rising",
                "chwalba-2004-krakow", "http://zotero.org/users/local/abc/items/ZX81SPEC", "nyt-1945-krakow");
        assertThat(items.get(0).csl().keySet()).startsWith("id", "type", "title", "author", "issued");
        assertThat(items.get(0).csl().get("author")).isEqualTo(List.of(Map.of("family", "Davies", "given", "Norman")));
    }

    @Test
    void zotero_web_api_answers_are_read_too() {
        assertThat(BibliographyFile.cslJson(fixture("zotero-api.json")))
                .extracting(BibliographyFile.Item::entry).containsExactly("snyder-2010-bloodlands");
    }

    @Test
    void bibtex_is_turned_into_csl_by_citeproc() {
        List<BibliographyFile.Item> items = BibliographyFile.bibtex(fixture("library.bib"));
        assertThat(items).extracting(BibliographyFile.Item::entry)
                .containsExactlyInAnyOrder("davies-2003-rising", "Chwalba2004", "nowak1999");
        Map<String, Object> chwalba = items.stream().filter(i -> i.entry().equals("Chwalba2004")).findFirst()
                .orElseThrow().csl();
        assertThat(chwalba).containsEntry("type", "article-journal").containsEntry("citation-key", "Chwalba2004")
                .containsEntry("language", "polish").containsEntry("DOI", "10.1234/dk.2004.5");
        assertThat(String.valueOf(chwalba.get("title"))).isEqualTo("Kraków w latach 1939–1945");
        assertThat((List<?>) chwalba.get("author")).hasSize(2);
        Map<String, Object> nowak = items.stream().filter(i -> i.entry().equals("nowak1999")).findFirst()
                .orElseThrow().csl();
        assertThat(nowak).containsEntry("type", "thesis");
    }

    @ParameterizedTest
    @CsvSource({"malformed.json, not valid JSON", "malformed.bib, not valid BibTeX"})
    void a_file_that_cannot_be_parsed_is_malformed(String file, String says) {
        var format = file.endsWith(".bib") ? BibliographyFile.Format.BIBTEX : BibliographyFile.Format.CSL_JSON;
        assertThatThrownBy(() -> BibliographyFile.read(fixture(file), format))
                .isInstanceOf(Malformed.class).hasMessageContaining(says);
    }

    @Test
    void json_that_is_not_a_list_of_items_is_malformed() {
        assertThatThrownBy(() -> BibliographyFile.cslJson("{\"title\": \"one item, not a list\"}"))
                .isInstanceOf(Malformed.class).hasMessageContaining("array of items");
        assertThatThrownBy(() -> BibliographyFile.cslJson("[]")).isInstanceOf(Malformed.class);
        assertThatThrownBy(() -> BibliographyFile.cslJson("[1, 2]")).isInstanceOf(Malformed.class)
                .hasMessageContaining("entry 1");
        assertThatThrownBy(() -> BibliographyFile.bibtex("just some words")).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "application/vnd.citationstyles.csl+json, CSL_JSON",
            "application/json; charset=utf-8, CSL_JSON",
            "application/x-bibtex, BIBTEX",
            "text/x-bibtex, BIBTEX",
            "text/plain, -"})
    void the_content_type_names_the_format(String mediaType, BibliographyFile.Format format) {
        assertThat(BibliographyFile.Format.ofMediaType(mediaType)).isEqualTo(format);
    }
}
