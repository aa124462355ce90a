package org.claimledger.common;

import org.claimledger.claim.ClaimInput;
import org.claimledger.entity.EntityInput;
import org.claimledger.source.SourceInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Text is stored in Unicode NFC, one spelling per word; quotes are otherwise kept exactly as given. */
class TextOnTheWayInTest {

    static final String DECOMPOSED = "Krako\u0301w"; // o + combining acute
    static final String COMPOSED = "Krak\u00f3w";

    @Test
    void names_and_titles_are_stored_composed() {
        var source = new SourceInput("s", "Bitwa o " + DECOMPOSED, List.of("Jan Kowalski " + DECOMPOSED), "press",
                null, "pl", null, null, null).toRegister();
        assertThat(source.details().title()).isEqualTo("Bitwa o " + COMPOSED);
        assertThat(source.details().authors()).containsExactly("Jan Kowalski " + COMPOSED);
        var entity = new EntityInput("krakow", "place", Map.of("pl", DECOMPOSED), List.of(DECOMPOSED), null).toDefine();
        assertThat(entity.details().labels()).containsEntry("pl", COMPOSED);
        assertThat(entity.details().aliases()).containsExactly(COMPOSED);
    }

    @Test
    void quotes_are_composed_but_otherwise_kept_exactly_damage_and_spacing_included() {
        String damaged = "de Oekraďense  troepen ŕ 90 duizend, ˝ uur " + DECOMPOSED + "  ";
        var claim = new ClaimInput("s/c", "p", "asserts", Map.of("boolean", true), null, damaged, "nl", null, null,
                null, null, null).toRecord("s");
        assertThat(claim.content().quote()).isEqualTo("de Oekraďense  troepen ŕ 90 duizend, ˝ uur " + COMPOSED + "  ");
    }
}
