package org.claimledger.claim;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.claimledger.claim.ClaimCommand.RecordClaim;
import org.claimledger.claim.ClaimCommand.ReviseClaim;
import org.claimledger.claim.ClaimCommand.WithdrawClaim;
import org.claimledger.claim.ClaimEvent.ClaimRecorded;
import org.claimledger.claim.ClaimEvent.ClaimRevised;
import org.claimledger.claim.ClaimEvent.ClaimWithdrawn;
import org.claimledger.common.Outcome;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Rejection;
import org.claimledger.common.Value;
import org.claimledger.common.ValueType;
import org.claimledger.testing.KnownReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;

class ClaimTest {

    static final String SOURCE = "konev-1969-memoir";
    static final String CLAIM = "konev-1969-memoir/krakow-taken-intact";
    static final String INTACT = "krakow-1945/city-taken-intact";
    static final String SAVED_BY = "krakow-1945/demolition-prevented-by";

    static final ClaimContent TAKEN_INTACT = new ClaimContent(INTACT, Stance.ASSERTS, new Value.Flag(true),
            "pp. 31-32", "we waren dan ook enorm blij dat we Kraków intact hadden bevrijd", "nl",
            "we were therefore enormously glad that we had liberated Kraków intact", "slag-om-krakow-1945-nl",
            null, PartialDate.parse("1945-01-19"));

    private FixtureConfiguration<Claim> fixture;
    private KnownReferences references;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        references = new KnownReferences()
                .source(SOURCE).source("slag-om-krakow-1945-nl")
                .entity("ak").entity("nkvd")
                .proposition(INTACT, ValueType.BOOLEAN)
                .proposition(SAVED_BY, ValueType.ENTITY);
        fixture.registerInjectableResource(references);
    }

    @Test
    void recording_a_claim_keeps_everything_the_source_says() {
        fixture.givenNoPriorActivity()
                .when(new RecordClaim(CLAIM, SOURCE, TAKEN_INTACT))
                .expectEvents(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .expectResultMessagePayload(new Outcome(0, true));
    }

    @Test
    void recording_the_same_claim_again_is_a_no_op() {
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new RecordClaim(CLAIM, SOURCE, TAKEN_INTACT))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(0, false));
    }

    @Test
    void reusing_a_claim_id_with_another_body_is_a_conflict() {
        ClaimContent other = new ClaimContent(INTACT, Stance.DENIES, new Value.Flag(true), null, null, null, null,
                null, null, null);
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new RecordClaim(CLAIM, SOURCE, other))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "already recorded with other content"));
    }

    @Test
    void reusing_a_claim_id_under_another_source_is_a_conflict() {
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new RecordClaim(CLAIM, "slag-om-krakow-1945-nl", TAKEN_INTACT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "for source 'konev-1969-memoir'"));
    }

    @Test
    void a_claim_about_an_unknown_proposition_is_refused() {
        ClaimContent unknown = new ClaimContent("krakow-1945/no-such-question", Stance.ASSERTS,
                new Value.Flag(true), null, null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new RecordClaim(CLAIM, SOURCE, unknown))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, "krakow-1945/no-such-question"));
    }

    @Test
    void a_claim_of_an_unknown_source_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordClaim("ghost/claim", "ghost", TAKEN_INTACT))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, "source 'ghost'"));
    }

    @Test
    void a_value_of_the_wrong_type_is_refused() {
        ClaimContent aDate = new ClaimContent(INTACT, Stance.ASSERTS, new Value.DateValue(PartialDate.parse("1945")),
                null, null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new RecordClaim(CLAIM, SOURCE, aDate))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "takes a value of type boolean"));
    }

    @Test
    void an_entity_value_must_name_a_known_entity() {
        ClaimContent ghost = new ClaimContent(SAVED_BY, Stance.ASSERTS, new Value.EntityRef("ghost-brigade"),
                null, null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new RecordClaim("konev-1969-memoir/saved-by", SOURCE, ghost))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "entity 'ghost-brigade' does not exist"));
    }

    @Test
    void a_denial_of_an_entity_value_is_recorded() {
        ClaimContent denial = new ClaimContent(SAVED_BY, Stance.DENIES, new Value.EntityRef("nkvd"),
                null, "veel historici", "nl", null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new RecordClaim("historians/nkvd-story-propaganda", SOURCE, denial))
                .expectEvents(new ClaimRecorded("historians/nkvd-story-propaganda", SOURCE, denial));
    }

    @Test
    void via_must_name_a_known_source() {
        ClaimContent via = new ClaimContent(INTACT, Stance.ASSERTS, new Value.Flag(true), null, null, null, null,
                "unknown-reporter", null, null);
        fixture.givenNoPriorActivity()
                .when(new RecordClaim(CLAIM, SOURCE, via))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "via"));
    }

    @Test
    void revising_a_claim_records_the_correction_and_its_reason() {
        ClaimContent corrected = new ClaimContent(INTACT, Stance.ASSERTS, new Value.Flag(true), "p. 31",
                TAKEN_INTACT.quote(), "nl", TAKEN_INTACT.translation(), TAKEN_INTACT.via(), null, TAKEN_INTACT.when());
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new ReviseClaim(CLAIM, SOURCE, corrected, "locator narrowed", 0L))
                .expectEvents(new ClaimRevised(CLAIM, SOURCE, corrected, "locator narrowed"))
                .expectResultMessagePayload(new Outcome(1, true));
    }

    @Test
    void a_revision_keeps_the_proposition() {
        ClaimContent moved = new ClaimContent(SAVED_BY, Stance.ASSERTS, new Value.EntityRef("ak"), null, null,
                null, null, null, null, null);
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new ReviseClaim(CLAIM, SOURCE, moved, "moved", null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "keeps its proposition"));
    }

    @Test
    void a_revision_with_a_value_of_the_wrong_type_is_refused() {
        ClaimContent wrong = new ClaimContent(INTACT, Stance.ASSERTS, new Value.Text("intact"), null, null, null,
                null, null, null, null);
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new ReviseClaim(CLAIM, SOURCE, wrong, "x", null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "takes a value of type boolean"));
    }

    @Test
    void a_revision_on_a_stale_reading_is_refused() {
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT),
                        new ClaimRevised(CLAIM, SOURCE, TAKEN_INTACT, "first"))
                .when(new ReviseClaim(CLAIM, SOURCE, TAKEN_INTACT, "second", 0L))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.STALE, "version 1, not 0"));
    }

    @Test
    void withdrawing_a_claim_records_why() {
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new WithdrawClaim(CLAIM, SOURCE, "quote belongs to another passage", 0L))
                .expectEvents(new ClaimWithdrawn(CLAIM, SOURCE, INTACT, "quote belongs to another passage"))
                .expectResultMessagePayload(new Outcome(1, true));
    }

    @Test
    void withdrawing_twice_is_refused() {
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT),
                        new ClaimWithdrawn(CLAIM, SOURCE, INTACT, "first"))
                .when(new WithdrawClaim(CLAIM, SOURCE, "again", null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "already withdrawn"));
    }

    @Test
    void a_withdrawal_needs_a_reason() {
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new WithdrawClaim(CLAIM, SOURCE, "", null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.INVALID, "reason"));
    }

    @Test
    void a_withdrawn_claim_cannot_be_revised() {
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT),
                        new ClaimWithdrawn(CLAIM, SOURCE, INTACT, "first"))
                .when(new ReviseClaim(CLAIM, SOURCE, TAKEN_INTACT, "x", null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.CONFLICT, "was withdrawn"));
    }

    @Test
    void a_claim_is_only_found_under_its_own_source() {
        fixture.given(new ClaimRecorded(CLAIM, SOURCE, TAKEN_INTACT))
                .when(new WithdrawClaim(CLAIM, "slag-om-krakow-1945-nl", "x", null))
                .expectNoEvents()
                .expectException(rejection(Rejection.Kind.NOT_FOUND, "of source 'slag-om-krakow-1945-nl'"));
    }

    @Test
    void withdrawing_an_unrecorded_claim_fails() {
        fixture.givenNoPriorActivity()
                .when(new WithdrawClaim(CLAIM, SOURCE, "x", null))
                .expectException(AggregateNotFoundException.class);
    }

    static org.hamcrest.Matcher<Object> rejection(Rejection.Kind kind, String inMessage) {
        return allOf(instanceOf(Rejection.class), hasProperty("message", containsString(inMessage)),
                new org.hamcrest.TypeSafeMatcher<>() {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        return item instanceof Rejection r && r.kind() == kind;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("a rejection of kind " + kind);
                    }
                });
    }
}
