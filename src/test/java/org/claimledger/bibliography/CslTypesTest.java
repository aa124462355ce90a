package org.claimledger.bibliography;

import org.claimledger.source.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CslTypesTest {

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource(nullValues = "-", value = {
            "book, -, scholarship",
            "chapter, -, scholarship",
            "article-journal, -, scholarship",
            "thesis, -, scholarship",
            "paper-conference, -, scholarship",
            "manuscript, -, archival-document",
            "document, -, archival-document",
            "letter, -, archival-document",
            "personal_communication, -, archival-document",
            "report, -, official-report",
            "report, Working paper, scholarship",
            "report, annual report, official-report",
            "interview, -, eyewitness-testimony",
            "article-newspaper, -, press",
            "article-magazine, -, press",
            "broadcast, -, press",
            "legislation, -, state-statement",
            "legal_case, -, state-statement",
            "bill, -, state-statement",
            "regulation, -, state-statement",
            "entry-encyclopedia, -, reference-work",
            "entry-dictionary, -, reference-work",
            "entry, -, reference-work",
            "webpage, -, other",
    })
    void csl_types_map_to_the_kinds_historians_use(String type, String genre, String kind) {
        assertThat(CslTypes.kindOf(type, genre)).contains(SourceKind.fromWire(kind));
    }

    @ParameterizedTest
    @CsvSource({"clay-tablet", "Book", "''", "article_journal"})
    void a_type_not_in_the_table_is_no_kind(String type) {
        assertThat(CslTypes.kindOf(type, null)).isEmpty();
    }

    @Test
    void every_kind_has_a_csl_type_that_maps_back_to_a_kind() {
        for (SourceKind kind : SourceKind.values()) {
            assertThat(CslTypes.kindOf(CslTypes.typeOf(kind), null)).as(kind.wire()).isPresent();
        }
    }
}
