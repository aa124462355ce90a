package org.claimledger.verdict;

import org.claimledger.claim.Stance;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.common.ValueType;
import org.claimledger.proposition.Cardinality;
import org.claimledger.source.Grade;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A verdict that cannot say why it holds is a bug: the explanation carries positions, lines, merges and figures. */
class VerdictExplanationTest {

    static final Question SAVED_BY = new Question("krakow-1945/demolition-prevented-by", ValueType.ENTITY,
            Cardinality.SINGLE);

    /** The Kraków demolition dispute as the seeds give it, as events. */
    static Dossier krakow() {
        String p = SAVED_BY.propositionId();
        return Given.dossier(Given.defined(p, ValueType.ENTITY, Cardinality.SINGLE),
                Given.registered("soviet-nkvd-account", "soviet-state", List.of(), "1945"),
                Given.registered("moscow-2007-honours", "soviet-state", List.of(), "2007"),
                Given.registered("historians-propaganda", "independent", List.of(), "2000"),
                Given.registered("ak-account", "polish-home-army", List.of(), "1946"),
                Given.recorded("soviet-nkvd-account/saved-by-nkvd", "soviet-nkvd-account", p, Stance.ASSERTS, entity("nkvd")),
                Given.recorded("moscow-2007-honours/saved-by-nkvd", "moscow-2007-honours", p, Stance.ASSERTS, entity("nkvd")),
                Given.recorded("historians-propaganda/not-nkvd", "historians-propaganda", p, Stance.DENIES, entity("nkvd")),
                Given.recorded("historians-propaganda/saved-by-ak", "historians-propaganda", p, Stance.ASSERTS, entity("ak")),
                Given.recorded("ak-account/saved-by-ak", "ak-account", p, Stance.ASSERTS, entity("ak")));
    }

    static final String P = SAVED_BY.propositionId();
    static final int NOW = 2026;

    @Test
    void the_krakow_dispute_is_contested_and_names_the_merged_soviet_line() {
        Verdict v = krakow().verdict(P);
        assertThat(v.status()).isEqualTo(Status.CONTESTED);
        assertThat(v.positions()).extracting(Verdict.Position::id)
                .containsExactly("asserts ak", "asserts nkvd", "denies nkvd");
        Verdict.Line soviet = v.lines().stream().filter(l -> l.sources().contains("soviet-nkvd-account")).findFirst().orElseThrow();
        assertThat(soviet.sources()).containsExactly("moscow-2007-honours", "soviet-nkvd-account");
        assertThat(soviet.mergedBecause()).containsExactly("shared origin soviet-state: moscow-2007-honours, soviet-nkvd-account");
        assertThat(v.explanation()).anyMatch(e -> e.contains("one line of testimony") && e.contains("soviet-state"));
        assertThat(v.explanation()).anyMatch(e -> e.startsWith("conflict: asserts ak"));
    }

    @Test
    void support_is_the_noisy_or_of_independent_lines() {
        Verdict v = krakow().verdict(P);
        Verdict.Position ak = v.positions().get(0);
        assertThat(ak.support()).isCloseTo(1 - 0.5 * 0.5, within(1e-9));
        assertThat(ak.lines()).hasSize(2);
        Verdict.Position nkvd = v.positions().get(1);
        assertThat(nkvd.support()).isCloseTo(0.5, within(1e-9));
        assertThat(nkvd.lines()).singleElement().satisfies(line -> {
            assertThat(line.weight()).isEqualTo(0.5);
            assertThat(line.sources()).extracting(Verdict.SourceSupport::source)
                    .containsExactly("moscow-2007-honours", "soviet-nkvd-account");
        });
        assertThat(v.leading()).isEqualTo("asserts ak");
        assertThat(nkvd.conflictsWith()).containsExactly("asserts ak", "denies nkvd");
    }

    @Test
    void grading_the_soviet_sources_unreliable_leaves_the_ak_account_standing() {
        Dossier graded = krakow()
                .apply(Given.assessed("soviet-nkvd-account", Grade.E))
                .apply(Given.assessed("moscow-2007-honours", Grade.E));
        Verdict v = graded.verdict(P);
        assertThat(v.status()).isEqualTo(Status.CORROBORATED);
        Verdict.Position nkvd = v.positions().stream().filter(p -> p.id().equals("asserts nkvd")).findFirst().orElseThrow();
        assertThat(nkvd.lines()).isEmpty();
        assertThat(nkvd.discountedLines()).singleElement().satisfies(l -> assertThat(l.weight()).isEqualTo(0.1));
        assertThat(v.explanation()).anyMatch(e -> e.startsWith("line moscow-2007-honours is discounted for asserts nkvd"));
    }

    @Test
    void historiography_as_it_stood_in_1970_knows_only_the_early_accounts() {
        Verdict v = krakow().verdict(P, 1970, NOW);
        assertThat(v.status()).isEqualTo(Status.CONTESTED);
        assertThat(v.positions()).extracting(Verdict.Position::id).containsExactly("asserts ak", "asserts nkvd");
        Verdict nothingYet = krakow().verdict(P, 1900, NOW);
        assertThat(nothingYet.status()).isEqualTo(Status.UNATTESTED);
    }

    @Test
    void derivation_caps_weights_transitively_and_settles_on_cycles() {
        SourceGraph graph = SourceGraph.of(List.of(
                new Witness("original", Grade.D, null, List.of(), null),
                new Witness("retelling", Grade.A, null, List.of("original"), null),
                new Witness("retelling-of-retelling", Grade.B, null, List.of("retelling"), null),
                new Witness("x", Grade.A, null, List.of("y"), null),
                new Witness("y", Grade.C, null, List.of("x"), null)));
        assertThat(graph.weightOf("retelling")).isEqualTo(0.3);
        assertThat(graph.weightOf("retelling-of-retelling")).isEqualTo(0.3);
        assertThat(graph.lineOf("retelling-of-retelling")).isEqualTo("original");
        assertThat(graph.weightOf("x")).isEqualTo(0.6);
        assertThat(graph.weightOf("y")).isEqualTo(0.6);
        assertThat(graph.whyOneLine("original", graph.membersOf("original")))
                .containsExactly("retelling derives from original", "retelling-of-retelling derives from retelling");
    }

    @Test
    void a_line_is_explained_by_the_sources_testifying_not_by_every_member() {
        SourceGraph graph = SourceGraph.of(List.of(
                new Witness("pravda-1945", Grade.D, "soviet-state", List.of(), null),
                new Witness("tass-1945", Grade.D, "soviet-state", List.of(), null),
                new Witness("moscow-2007", Grade.C, "soviet-state", List.of(), null),
                new Witness("retelling", Grade.B, null, List.of("pravda-1945"), null)));
        assertThat(graph.membersOf("moscow-2007")).containsExactly("moscow-2007", "pravda-1945", "retelling", "tass-1945");
        assertThat(graph.whyOneLine("moscow-2007", java.util.Set.of("tass-1945", "retelling")))
                .containsExactly("retelling derives from pravda-1945");
        assertThat(graph.whyOneLine("moscow-2007", java.util.Set.of("tass-1945", "moscow-2007")))
                .containsExactly("shared origin soviet-state: moscow-2007, tass-1945");
    }

    static Value entity(String id) {
        return new Value.EntityRef(id);
    }
}
