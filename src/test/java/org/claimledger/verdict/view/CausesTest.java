package org.claimledger.verdict.view;

import org.claimledger.verdict.Dossier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CausesTest {

    @ParameterizedTest
    @CsvSource({
            "SourceRetracted, hitler-diaries, source-retracted, hitler-diaries was retracted",
            "SourceReinstated, hitler-diaries, source-reinstated, hitler-diaries was reinstated",
            "SourceAssessed, konev-1969-memoir, source-assessed, konev-1969-memoir was graded",
            "ClaimRecorded, , claim-recorded, a claim was recorded",
            "PropositionDefined, , proposition-defined, the question was asked"})
    void a_cause_is_named_as_the_stream_names_it_and_told_in_words(String event, String source, String kind,
                                                                   String words) {
        assertThat(Causes.kind(event)).isEqualTo(kind);
        assertThat(Causes.words(event, source)).isEqualTo(words);
    }

    @Test
    void no_cause_is_told_by_its_class_name() {
        for (String kind : Dossier.kinds()) {
            assertThat(Causes.words(kind, "s")).as(kind).isNotEqualTo(kind).doesNotContainPattern("[a-z][A-Z]");
            assertThat(Causes.kind(kind)).as(kind).matches("[a-z]+(-[a-z]+)+");
        }
    }
}
