package org.claimledger.bibliography;

import org.claimledger.common.PartialDate;
import org.claimledger.source.SourceDetails;
import org.claimledger.source.SourceInput;
import org.claimledger.source.SourceKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.bibliography.BibliographyFileTest.fixture;

class ChicagoCitationsTest {

    private static SourceDetails imported(String id) {
        SourceInput input = SourceMapping.map(BibliographyFile.cslJson(fixture("library.json"))).sources().stream()
                .filter(m -> m.id().equals(id)).findFirst().orElseThrow().input();
        var checks = new org.claimledger.common.Checks();
        SourceDetails details = input.details(checks);
        checks.throwIfAny();
        return details;
    }

    @Test
    void a_book() {
        var cited = ChicagoCitations.render("davies-2003-rising", imported("davies-2003-rising"));
        assertThat(cited.text()).isEqualTo("Davies, Norman. 2003. Rising ’44: The Battle for Warsaw. Macmillan.");
        assertThat(cited.html()).contains("<span style=\"font-style: italic\">Rising &rsquo;44: The Battle for Warsaw</span>")
                .doesNotContain("csl-entry");
    }

    @Test
    void a_book_from_bibtex_is_cited_without_an_event_the_converter_made_of_its_year_and_place() {
        var item = BibliographyFile.bibtex("""
                @book{wroblewski1975,
                  author = {Wróblewski, Tadeusz}, title = {Ocalenie Krakowa}, publisher = {Wydawnictwo Literackie},
                  address = {Kraków}, year = {1975}, langid = {polish}
                }
                @inproceedings{nowak2005,
                  author = {Nowak, Anna}, title = {Kraków 1945}, booktitle = {Pamięć i historia},
                  address = {Wrocław}, year = {2005}
                }""");
        assertThat(item.get(0).csl()).doesNotContainKeys("event-date", "event-place")
                .containsEntry("publisher-place", "Kraków");
        assertThat(item.get(1).csl()).containsKey("event-place");
        SourceInput input = SourceMapping.map(item).sources().get(0).input();
        var checks = new org.claimledger.common.Checks();
        SourceDetails details = input.details(checks);
        checks.throwIfAny();
        assertThat(ChicagoCitations.render("wroblewski1975", details).text())
                .isEqualTo("Wróblewski, Tadeusz. 1975. Ocalenie Krakowa. Wydawnictwo Literackie.");
    }

    @Test
    void an_article_with_its_doi() {
        var cited = ChicagoCitations.render("chwalba-2004-krakow", imported("chwalba-2004-krakow"));
        assertThat(cited.text()).isEqualTo("Chwalba, Andrzej. 2004. “Kraków w latach 1939–1945.” "
                + "Dzieje Krakowa 5 (May): 310–42. https://doi.org/10.1234/dk.2004.5.");
    }

    @Test
    void a_source_typed_in_by_hand_is_cited_from_its_own_fields() {
        SourceDetails konev = new SourceDetails("Konev's war diary", List.of("Ivan Konev"), SourceKind.MEMOIR,
                PartialDate.parse("1969"), "ru", "soviet-state", List.of(), "Konev 1969, 31-32");
        var cited = ChicagoCitations.render("konev-1969-memoir", konev);
        assertThat(cited.text()).isEqualTo("Konev, Ivan. 1969. Konev’s war diary.");
        // the title is not put in headline style: the source is in Russian, and Chicago does so for English only
        assertThat(ChicagoCitations.itemOf("konev-1969-memoir", konev)).containsEntry("type", "book")
                .containsEntry("language", "ru");
    }

    @Test
    void a_link_in_the_typed_citation_is_cited() {
        SourceDetails page = new SourceDetails("Krakow liberation", List.of(), SourceKind.REFERENCE_WORK,
                PartialDate.parse("2024-03"), "en", null, List.of(),
                "English summary, https://example.org/krakow-1945.");
        Map<String, Object> item = ChicagoCitations.itemOf("krakow-summary", page);
        assertThat(item).containsEntry("URL", "https://example.org/krakow-1945").containsEntry("type", "entry-encyclopedia");
        assertThat(ChicagoCitations.render("krakow-summary", page).text()).contains("https://example.org/krakow-1945");
    }

    @Test
    void markup_in_a_title_is_escaped_in_the_html() {
        SourceDetails hostile = new SourceDetails("<script>alert(1)</script>", List.of("A B"), SourceKind.OTHER,
                null, null, null, List.of(), null);
        assertThat(ChicagoCitations.render("x", hostile).html()).doesNotContain("<script>");
    }
}
