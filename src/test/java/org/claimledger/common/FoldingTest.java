package org.claimledger.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingTest {

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource({
            "Kraków, krakow",
            "KRAKÓW, krakow",
            "Łódź, lodz",
            "Wisła, wisla",
            "'  Armia   Krajowa ', armia krajowa",
            "Oekraïense, oekraiense",
            "Straße, strasse",
            "Cracow, cracow",
    })
    void folds_case_diacritics_and_space(String text, String folded) {
        assertThat(Folding.fold(text)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "{0} and {1} differ")
    @CsvSource({"Kraków, Krakau", "Wisła, Vistula"})
    void different_names_stay_different(String a, String b) {
        assertThat(Folding.fold(a)).isNotEqualTo(Folding.fold(b));
    }
}
