package org.claimledger.verdict;

import org.claimledger.claim.ClaimEvent;
import org.claimledger.claim.Stance;
import org.claimledger.common.PinnedName;
import org.claimledger.entity.EntityDetails;
import org.claimledger.entity.EntityEvent;
import org.claimledger.entity.EntityKind;
import org.claimledger.proposition.PropositionEvent;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimledger.common.ValueType.ENTITY;
import static org.claimledger.proposition.Cardinality.SINGLE;
import static org.claimledger.verdict.Given.assessed;
import static org.claimledger.verdict.Given.defined;
import static org.claimledger.verdict.Given.entity;
import static org.claimledger.verdict.Given.recorded;
import static org.claimledger.verdict.Given.registered;
import static org.claimledger.verdict.Given.reinstated;
import static org.claimledger.verdict.Given.retracted;
import static org.claimledger.verdict.Given.withdrawn;

/**
 * The one fold, as a plain object: given these events, this verdict. Every kind of event the
 * verdicts read has a test here, and a test fails when a kind is added that none covers.
 */
class DossierTest {

    static final String P = "krakow-1945/demolition-prevented-by";
    static final int NOW = 2026;

    /** A dossier with the question defined and every event of its birth decided away. */
    static Dossier given(Object... events) {
        Dossier dossier = Given.dossier(defined(P, ENTITY, SINGLE));
        dossier.decide();
        for (Object e : events) {
            dossier.apply(e);
        }
        dossier.decide();
        return dossier;
    }

    static List<Dossier.Moved> when(Dossier dossier, Object event) {
        return dossier.apply(event).decide();
    }

    @Nested
    class Every_kind_of_event {

        @Test
        void proposition_defined_starts_an_unattested_verdict_with_no_status_before_it() {
            Dossier dossier = new Dossier();
            List<Dossier.Moved> moved = when(dossier, defined(P, ENTITY, SINGLE));
            assertThat(moved).singleElement().satisfies(m -> {
                assertThat(m.from()).isNull();
                assertThat(m.verdict().status()).isEqualTo(Status.UNATTESTED);
            });
            assertThat(dossier.defines(P)).isTrue();
        }

        @Test
        void claim_recorded_is_heard() {
            Dossier dossier = given(registered("ak-account", "polish-home-army", List.of(), "1946"));
            List<Dossier.Moved> moved = when(dossier,
                    recorded("ak-account/ak", "ak-account", P, Stance.ASSERTS, entity("ak")));
            assertThat(moved).singleElement().satisfies(m -> {
                assertThat(m.from()).isEqualTo(Status.UNATTESTED);
                assertThat(m.verdict().status()).isEqualTo(Status.SINGLE_LINE);
                assertThat(m.verdict().leading()).isEqualTo("asserts ak");
            });
        }

        @Test
        void claim_revised_is_heard_as_revised() {
            Dossier dossier = given(registered("a", "independent", List.of(), "1990"),
                    registered("b", "independent", List.of(), "1991"),
                    recorded("a/1", "a", P, Stance.ASSERTS, entity("ak")),
                    recorded("b/1", "b", P, Stance.ASSERTS, entity("nkvd")));
            assertThat(dossier.verdict(P).status()).isEqualTo(Status.CONTESTED);
            List<Dossier.Moved> moved = when(dossier, new ClaimEvent.ClaimRevised("b/1", "b",
                    Given.content(P, Stance.ASSERTS, entity("ak")), "misread the page"));
            assertThat(moved).singleElement().satisfies(m -> assertThat(m.verdict().status()).isEqualTo(Status.CORROBORATED));
        }

        @Test
        void claim_withdrawn_is_no_longer_heard() {
            Dossier dossier = given(registered("a", "independent", List.of(), "1990"),
                    recorded("a/1", "a", P, Stance.ASSERTS, entity("ak")));
            List<Dossier.Moved> moved = when(dossier, withdrawn("a/1", "a", P));
            assertThat(moved).singleElement().satisfies(m -> assertThat(m.verdict().status()).isEqualTo(Status.UNATTESTED));
            assertThat(dossier.proposition(P).orElseThrow().liveClaims()).isEmpty();
        }

        @Test
        void source_registered_in_a_camp_already_heard_joins_its_line_and_renames_it() {
            Dossier dossier = given(registered("soviet-b", "soviet-state", List.of(), "1945"),
                    recorded("soviet-b/1", "soviet-b", P, Stance.ASSERTS, entity("nkvd")));
            assertThat(dossier.verdict(P).lines()).extracting(Verdict.Line::id).containsExactly("soviet-b");
            List<Dossier.Moved> moved = when(dossier, registered("soviet-a", "soviet-state", List.of(), "1950"));
            assertThat(moved).singleElement().satisfies(m -> {
                assertThat(m.statusChanged()).isFalse();
                assertThat(m.verdict().lines()).extracting(Verdict.Line::id).containsExactly("soviet-a");
            });
            assertThat(dossier.takeSourcesMoved()).contains("soviet-a", "soviet-b");
        }

        @Test
        void source_revised_to_derive_from_another_merges_their_lines() {
            Dossier dossier = given(registered("a", "independent", List.of(), "1990"),
                    registered("b", "independent", List.of(), "1991"),
                    recorded("a/1", "a", P, Stance.ASSERTS, entity("ak")),
                    recorded("b/1", "b", P, Stance.ASSERTS, entity("ak")));
            assertThat(dossier.verdict(P).status()).isEqualTo(Status.CORROBORATED);
            List<Dossier.Moved> moved = when(dossier, new SourceEvent.SourceRevised("b",
                    Given.details("independent", List.of("a"), "1991"), "it retells a"));
            assertThat(moved).singleElement().satisfies(m -> assertThat(m.verdict().status()).isEqualTo(Status.SINGLE_LINE));
        }

        @Test
        void source_assessed_E_discounts_its_line() {
            Dossier dossier = given(registered("a", "independent", List.of(), "1990"),
                    recorded("a/1", "a", P, Stance.ASSERTS, entity("ak")));
            List<Dossier.Moved> moved = when(dossier, assessed("a", Grade.E));
            assertThat(moved).singleElement().satisfies(m -> assertThat(m.verdict().status()).isEqualTo(Status.DISCREDITED));
        }

        @Test
        void source_retracted_weighs_nothing_and_its_claims_stay_listed_and_marked() {
            Dossier dossier = given(registered("diaries", "independent", List.of(), "1983"),
                    assessed("diaries", Grade.B),
                    recorded("diaries/1", "diaries", P, Stance.ASSERTS, entity("ak")));
            List<Dossier.Moved> moved = when(dossier, retracted("diaries", "1983-05-06"));
            assertThat(moved).singleElement().satisfies(m -> {
                Verdict v = m.verdict();
                assertThat(v.status()).isEqualTo(Status.DISCREDITED);
                Verdict.SourceSupport s = v.positions().get(0).discountedLines().get(0).sources().get(0);
                assertThat(s.claims()).containsExactly("diaries/1");
                assertThat(s.weight()).isZero();
                assertThat(s.retraction().reason()).isEqualTo("shown to be forged");
                assertThat(s.retraction().recordedBy()).isEqualTo("reviewer-1");
                assertThat(v.explanation()).anyMatch(e -> e.contains("diaries is retracted"));
            });
        }

        @Test
        void source_reinstated_weighs_what_its_grade_says_again() {
            Dossier dossier = given(registered("diaries", "independent", List.of(), "1983"),
                    assessed("diaries", Grade.B),
                    recorded("diaries/1", "diaries", P, Stance.ASSERTS, entity("ak")),
                    retracted("diaries", "1983-05-06"));
            List<Dossier.Moved> moved = when(dossier, reinstated("diaries"));
            assertThat(moved).singleElement().satisfies(m -> {
                assertThat(m.verdict().status()).isEqualTo(Status.SINGLE_LINE);
                assertThat(m.verdict().positions().get(0).lines().get(0).weight()).isEqualTo(0.8);
            });
        }

        @Test
        void entity_defined_changes_no_verdict() {
            Dossier dossier = given(registered("a", "independent", List.of(), "1990"),
                    recorded("a/1", "a", P, Stance.ASSERTS, entity("ak")));
            Verdict before = dossier.verdict(P);
            List<Dossier.Moved> moved = when(dossier, new EntityEvent.EntityDefined("ak",
                    new EntityDetails(EntityKind.ORGANISATION, Map.of("en", "Home Army"), List.of(), null)));
            assertThat(moved).isEmpty();
            assertThat(dossier.verdict(P)).isEqualTo(before);
        }

        @Test
        void anything_else_is_refused_not_skipped() {
            assertThatThrownBy(() -> new Dossier().apply("not an event")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void every_event_kind_of_the_families_it_reads_has_a_test_above() {
        Set<String> tested = Arrays.stream(Every_kind_of_event.class.getDeclaredMethods())
                .map(m -> m.getName().split("_")[0] + "_" + m.getName().split("_")[1]).collect(Collectors.toSet());
        for (String kind : Dossier.kinds()) {
            String snake = kind.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
            assertThat(tested).as("a test named %s_... for %s", snake, kind).contains(snake);
        }
        assertThat(Dossier.kinds()).contains("SourceRetracted", "SourceReinstated", "ClaimRevised", "PropositionDefined");
    }

    @Test
    void the_kinds_it_reads_are_every_pinned_kind_of_its_families_and_no_entity_kind() {
        List<String> pinned = Dossier.READS.stream()
                .flatMap(f -> Arrays.stream(f.getPermittedSubclasses()))
                .map(c -> c.getAnnotation(PinnedName.class).value()).toList();
        assertThat(Dossier.kinds()).containsExactlyElementsOf(pinned);
        assertThat(Dossier.READS).doesNotContain(EntityEvent.class)
                .contains(PropositionEvent.class, ClaimEvent.class, SourceEvent.class);
    }

    @Nested
    class The_cascade_of_a_retraction {

        /** original <- retelling <- retelling-of-retelling, each graded B, each asserting on its own question. */
        Dossier chain() {
            Dossier dossier = Given.dossier(defined("q/original", ENTITY, SINGLE), defined("q/retelling", ENTITY, SINGLE),
                    defined("q/second", ENTITY, SINGLE),
                    registered("original", "independent", List.of(), "1950"), assessed("original", Grade.B),
                    registered("retelling", "independent", List.of("original"), "1960"), assessed("retelling", Grade.B),
                    registered("second", "independent", List.of("retelling"), "1970"), assessed("second", Grade.B),
                    registered("unrelated", "independent", List.of(), "1970"),
                    recorded("original/1", "original", "q/original", Stance.ASSERTS, entity("ak")),
                    recorded("retelling/1", "retelling", "q/retelling", Stance.ASSERTS, entity("ak")),
                    recorded("second/1", "second", "q/second", Stance.ASSERTS, entity("ak")));
            dossier.decide();
            return dossier;
        }

        @Test
        void reaches_two_levels_of_derivation_and_every_verdict_it_touches_at_once() {
            Dossier dossier = chain();
            List<Dossier.Moved> moved = when(dossier, retracted("original", "1983"));
            assertThat(moved).extracting(Dossier.Moved::propositionId)
                    .containsExactlyInAnyOrder("q/original", "q/retelling", "q/second");
            assertThat(moved).allSatisfy(m -> assertThat(m.verdict().status()).isEqualTo(Status.DISCREDITED));
            assertThat(dossier.graph().weightOf("second")).isZero();
            assertThat(dossier.verdict("q/second").explanation())
                    .anyMatch(e -> e.contains("second derives only from sources graded E or retracted"));
        }

        @Test
        void a_source_that_also_derives_from_a_live_source_weighs_no_more_than_the_heaviest_live_one() {
            Dossier dossier = chain();
            dossier.apply(registered("mixed", "independent", List.of("original", "unrelated"), "1990"))
                    .apply(assessed("mixed", Grade.A)).apply(retracted("original", "1983"));
            dossier.decide();
            assertThat(dossier.graph().weightOf("mixed")).isEqualTo(Grade.F.weight()); // unrelated: unassessed, 0.5
        }

        @Test
        void reinstatement_undoes_it() {
            Dossier dossier = chain();
            when(dossier, retracted("original", "1983"));
            List<Dossier.Moved> moved = when(dossier, reinstated("original"));
            assertThat(moved).allSatisfy(m -> assertThat(m.verdict().status()).isEqualTo(Status.SINGLE_LINE));
            assertThat(dossier.graph().weightOf("second")).isEqualTo(0.8);
        }

        @Test
        void a_regrade_of_an_unrelated_source_re_decides_nothing() {
            Dossier dossier = chain();
            assertThat(when(dossier, assessed("unrelated", Grade.A))).isEmpty();
        }
    }

    @Nested
    class Source_time {

        Dossier krakow() {
            return given(registered("soviet-accounts", "soviet-state", List.of(), null),
                    registered("moscow-2007", "soviet-state", List.of(), "2007-05-10"),
                    registered("historians", "independent", List.of(), null),
                    registered("konev-1969", "soviet-state", List.of(), "1969"),
                    recorded("soviet-accounts/1", "soviet-accounts", P, Stance.ASSERTS, entity("nkvd")),
                    recorded("moscow-2007/1", "moscow-2007", P, Stance.ASSERTS, entity("nkvd")),
                    recorded("historians/1", "historians", P, Stance.DENIES, entity("nkvd")),
                    recorded("konev-1969/1", "konev-1969", P, Stance.ASSERTS, entity("nkvd")));
        }

        @Test
        void a_view_leaves_undated_sources_out_and_names_each_of_them() {
            Verdict in1990 = krakow().verdict(P, 1990, NOW);
            assertThat(in1990.status()).isEqualTo(Status.SINGLE_LINE);
            assertThat(in1990.sourceTime().publishedBefore()).isEqualTo(1990);
            assertThat(in1990.sourceTime().undatedSourcesLeftOut()).containsExactly("historians", "soviet-accounts");
            assertThat(in1990.sourceTime().laterSourcesLeftOut()).containsExactly("moscow-2007");
        }

        @Test
        void a_view_at_the_present_year_or_later_is_the_live_verdict() {
            Dossier dossier = krakow();
            assertThat(dossier.verdict(P, NOW, NOW)).isEqualTo(dossier.verdict(P));
            assertThat(dossier.verdict(P, NOW + 10, NOW)).isEqualTo(dossier.verdict(P));
            assertThat(dossier.verdict(P).status()).isEqualTo(Status.CONTESTED);
            assertThat(dossier.verdict(P).sourceTime()).isNull();
        }

        @Test
        void a_retraction_counts_from_its_own_date_in_source_time() {
            Dossier dossier = krakow();
            dossier.apply(assessed("konev-1969", Grade.B)).apply(retracted("konev-1969", "1983"));
            dossier.decide();
            Verdict in1982 = dossier.verdict(P, 1982, NOW);
            assertThat(in1982.status()).isEqualTo(Status.SINGLE_LINE);
            assertThat(in1982.positions().get(0).support()).isEqualTo(0.8);
            Verdict in1983 = dossier.verdict(P, 1983, NOW);
            assertThat(in1983.status()).isEqualTo(Status.DISCREDITED);
        }
    }
}
