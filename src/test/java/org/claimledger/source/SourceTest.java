package org.claimledger.source;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.claimledger.common.Outcome;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Rejection;
import org.claimledger.source.SourceCommand.AssessSource;
import org.claimledger.source.SourceCommand.RegisterSource;
import org.claimledger.source.SourceCommand.ReviseSource;
import org.claimledger.source.SourceEvent.SourceAssessed;
import org.claimledger.source.SourceEvent.SourceRegistered;
import org.claimledger.source.SourceEvent.SourceRevised;
import org.claimledger.testing.KnownReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTest {

    static final SourceDetails KONEV = new SourceDetails("Konev's war diary, 1969", List.of("Ivan Konev"),
            SourceKind.MEMOIR, PartialDate.parse("1969"), "ru", "soviet-state", List.of(), "Konev 1969, 31-32");

    private FixtureConfiguration<Source> fixture;
    private KnownReferences references;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Source.class);
        references = new KnownReferences().source("slag-om-krakow-1945-nl");
        fixture.registerInjectableResource(references);
    }

    @Test
    void registering_a_new_source_records_it_at_grade_F() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSource("konev-1969-memoir", KONEV))
                .expectEvents(new SourceRegistered("konev-1969-memoir", KONEV))
                .expectResultMessagePayload(new Outcome(0, true));
    }

    @Test
    void registering_the_same_source_again_is_a_no_op() {
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV))
                .when(new RegisterSource("konev-1969-memoir", KONEV))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(0, false));
    }

    @Test
    void registering_other_details_under_a_used_id_is_a_conflict() {
        SourceDetails other = new SourceDetails("Another book", List.of(), SourceKind.SCHOLARSHIP, null, "en",
                null, List.of(), null);
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV))
                .when(new RegisterSource("konev-1969-memoir", other))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already registered"))
                .expectException(Rejection.class);
    }

    @Test
    void a_source_may_derive_from_a_registered_source() {
        SourceDetails derived = withDerivation("slag-om-krakow-1945-nl");
        fixture.givenNoPriorActivity()
                .when(new RegisterSource("press-retelling", derived))
                .expectEvents(new SourceRegistered("press-retelling", derived));
    }

    @Test
    void a_source_cannot_derive_from_an_unknown_source() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSource("press-retelling", withDerivation("never-registered")))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("derivedFrom[0]"));
    }

    @Test
    void a_source_cannot_derive_from_itself() {
        references.source("press-retelling");
        fixture.givenNoPriorActivity()
                .when(new RegisterSource("press-retelling", withDerivation("press-retelling")))
                .expectNoEvents()
                .expectException(Rejection.class);
    }

    @Test
    void assessing_a_source_records_grade_and_rationale() {
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV))
                .when(new AssessSource("konev-1969-memoir", Grade.D, "Memoir published under Soviet censorship", 0L))
                .expectEvents(new SourceAssessed("konev-1969-memoir", Grade.D,
                        "Memoir published under Soviet censorship"))
                .expectResultMessagePayload(new Outcome(1, true));
    }

    @Test
    void every_assessment_is_kept_and_the_latest_stands() {
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV),
                        new SourceAssessed("konev-1969-memoir", Grade.D, "censored"))
                .when(new AssessSource("konev-1969-memoir", Grade.E, "contradicted by the damage reports", null))
                .expectEvents(new SourceAssessed("konev-1969-memoir", Grade.E, "contradicted by the damage reports"))
                .expectResultMessagePayload(new Outcome(2, true));
    }

    @Test
    void an_assessment_needs_a_rationale() {
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV))
                .when(new AssessSource("konev-1969-memoir", Grade.D, "  ", null))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("rationale"));
    }

    @Test
    void an_assessment_made_on_a_stale_reading_is_refused() {
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV),
                        new SourceAssessed("konev-1969-memoir", Grade.D, "censored"))
                .when(new AssessSource("konev-1969-memoir", Grade.B, "on version 0", 0L))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectException(org.hamcrest.Matchers.hasProperty("message",
                        org.hamcrest.Matchers.containsString("version 1, not 0")));
    }

    @Test
    void assessing_an_unregistered_source_fails() {
        fixture.givenNoPriorActivity()
                .when(new AssessSource("nobody", Grade.A, "why", null))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void revising_a_source_records_the_new_details_and_why() {
        SourceDetails corrected = new SourceDetails(KONEV.title(), KONEV.authors(), KONEV.kind(),
                PartialDate.parse("1969-05"), KONEV.language(), KONEV.origin(), KONEV.derivedFrom(), KONEV.citation());
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV))
                .when(new ReviseSource("konev-1969-memoir", corrected, "month of publication found", 0L))
                .expectEvents(new SourceRevised("konev-1969-memoir", corrected, "month of publication found"));
    }

    @Test
    void revising_to_the_same_details_is_a_no_op() {
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV))
                .when(new ReviseSource("konev-1969-memoir", KONEV, "nothing new", null))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(0, false));
    }

    @Test
    void a_revision_on_a_stale_reading_is_refused() {
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV),
                        new SourceAssessed("konev-1969-memoir", Grade.D, "censored"))
                .when(new ReviseSource("konev-1969-memoir", withDerivation("slag-om-krakow-1945-nl"), "x", 0L))
                .expectNoEvents()
                .expectException(Rejection.class);
    }

    @Test
    void a_revision_cannot_introduce_an_unknown_derivation() {
        fixture.given(new SourceRegistered("konev-1969-memoir", KONEV))
                .when(new ReviseSource("konev-1969-memoir", withDerivation("never-registered"), "x", null))
                .expectNoEvents()
                .expectException(Rejection.class);
    }

    @Test
    void grades_weigh_as_the_domain_says() {
        assertThat(List.of(Grade.values())).extracting(Grade::weight)
                .containsExactly(1.0, 0.8, 0.6, 0.3, 0.1, 0.5);
    }

    private static SourceDetails withDerivation(String from) {
        return new SourceDetails("Retelling", List.of(), SourceKind.PRESS, PartialDate.parse("2007"), "en",
                "soviet-state", List.of(from), null);
    }

    // ---- retraction --------------------------------------------------------------------------

    static final PartialDate MAY_1983 = PartialDate.parse("1983-05-06");

    static java.util.Map<String, Object> by(String who) {
        return java.util.Map.of("recordedBy", who);
    }

    @Test
    void a_retraction_is_recorded_with_its_reason_its_date_and_who_recorded_it() {
        fixture.given(new SourceRegistered("hitler-diaries", KONEV))
                .when(new SourceCommand.RetractSource("hitler-diaries", "shown to be forged", MAY_1983, null), by("reviewer-1"))
                .expectEvents(new SourceEvent.SourceRetracted("hitler-diaries", "shown to be forged", MAY_1983, "reviewer-1"))
                .expectResultMessagePayload(new Outcome(1, true));
    }

    @Test
    void retracting_again_with_the_same_reason_and_date_is_a_no_op() {
        fixture.given(new SourceRegistered("hitler-diaries", KONEV),
                        new SourceEvent.SourceRetracted("hitler-diaries", "shown to be forged", MAY_1983, "reviewer-1"))
                .when(new SourceCommand.RetractSource("hitler-diaries", "shown to be forged", MAY_1983, null), by("reviewer-2"))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(1, false));
    }

    @Test
    void another_retraction_of_a_retracted_source_is_a_conflict() {
        fixture.given(new SourceRegistered("hitler-diaries", KONEV),
                        new SourceEvent.SourceRetracted("hitler-diaries", "shown to be forged", MAY_1983, "reviewer-1"))
                .when(new SourceCommand.RetractSource("hitler-diaries", "withdrawn by the publisher", MAY_1983, null), by("reviewer-2"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already retracted"))
                .expectException(Rejection.class);
    }

    @Test
    void a_retraction_needs_a_reason_and_a_date() {
        fixture.given(new SourceRegistered("hitler-diaries", KONEV))
                .when(new SourceCommand.RetractSource("hitler-diaries", " ", null, null), by("reviewer-1"))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage("2 fields are invalid");
    }

    @Test
    void a_stale_version_is_refused_before_anything_is_retracted() {
        fixture.given(new SourceRegistered("hitler-diaries", KONEV), new SourceAssessed("hitler-diaries", Grade.B, "looked genuine"))
                .when(new SourceCommand.RetractSource("hitler-diaries", "shown to be forged", MAY_1983, 0L), by("reviewer-1"))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not 0"));
    }

    @Test
    void withdrawing_a_retraction_reinstates_the_source() {
        fixture.given(new SourceRegistered("hitler-diaries", KONEV),
                        new SourceEvent.SourceRetracted("hitler-diaries", "shown to be forged", MAY_1983, "reviewer-1"))
                .when(new SourceCommand.ReinstateSource("hitler-diaries", "the forensic report was wrong", null), by("reviewer-2"))
                .expectEvents(new SourceEvent.SourceReinstated("hitler-diaries", "the forensic report was wrong", "reviewer-2"));
    }

    @Test
    void a_source_that_is_not_retracted_cannot_be_reinstated() {
        fixture.given(new SourceRegistered("hitler-diaries", KONEV),
                        new SourceEvent.SourceRetracted("hitler-diaries", "shown to be forged", MAY_1983, "reviewer-1"),
                        new SourceEvent.SourceReinstated("hitler-diaries", "the report was wrong", "reviewer-2"))
                .when(new SourceCommand.ReinstateSource("hitler-diaries", "again", null), by("reviewer-2"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not retracted"))
                .expectException(Rejection.class);
    }
}
