package org.claimledger.proposition;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.claimledger.common.Outcome;
import org.claimledger.common.Rejection;
import org.claimledger.common.ValueType;
import org.claimledger.proposition.PropositionCommand.DefineProposition;
import org.claimledger.proposition.PropositionEvent.PropositionDefined;
import org.claimledger.testing.KnownReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

class PropositionTest {

    static final PropositionDetails SAVED_BY = new PropositionDetails("krakow", "demolition prevented by",
            ValueType.ENTITY, Cardinality.SINGLE, "Who kept Kraków from being blown up?");

    private FixtureConfiguration<Proposition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposition.class);
        fixture.registerInjectableResource(new KnownReferences().entity("krakow"));
    }

    @Test
    void defining_a_proposition_records_it() {
        fixture.givenNoPriorActivity()
                .when(new DefineProposition("krakow-1945/demolition-prevented-by", SAVED_BY))
                .expectEvents(new PropositionDefined("krakow-1945/demolition-prevented-by", SAVED_BY))
                .expectResultMessagePayload(new Outcome(0, true));
    }

    @Test
    void defining_it_again_the_same_way_is_a_no_op() {
        fixture.given(new PropositionDefined("krakow-1945/demolition-prevented-by", SAVED_BY))
                .when(new DefineProposition("krakow-1945/demolition-prevented-by", SAVED_BY))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(0, false));
    }

    @Test
    void redefining_it_otherwise_is_a_conflict() {
        PropositionDetails asText = new PropositionDetails("krakow", "demolition prevented by", ValueType.TEXT,
                Cardinality.SINGLE, null);
        fixture.given(new PropositionDefined("krakow-1945/demolition-prevented-by", SAVED_BY))
                .when(new DefineProposition("krakow-1945/demolition-prevented-by", asText))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage(containsString("already defined"));
    }

    @Test
    void its_subject_must_be_a_known_entity() {
        PropositionDetails aboutNothing = new PropositionDetails("atlantis", "sank", ValueType.BOOLEAN,
                Cardinality.SINGLE, null);
        fixture.givenNoPriorActivity()
                .when(new DefineProposition("atlantis/sank", aboutNothing))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage(containsString("subject"));
    }
}
