package org.claimledger.entity;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.claimledger.common.Outcome;
import org.claimledger.common.Rejection;
import org.claimledger.entity.EntityCommand.DefineEntity;
import org.claimledger.entity.EntityEvent.EntityDefined;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;

class EntityTest {

    static final EntityDetails KRAKOW = new EntityDetails(EntityKind.PLACE,
            Map.of("pl", "Kraków", "en", "Cracow", "de", "Krakau"), List.of("Krakow"), "Q31487");

    private FixtureConfiguration<Entity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Entity.class);
    }

    @Test
    void defining_an_entity_records_its_names() {
        fixture.givenNoPriorActivity()
                .when(new DefineEntity("krakow", KRAKOW))
                .expectEvents(new EntityDefined("krakow", KRAKOW))
                .expectResultMessagePayload(new Outcome(0, true));
    }

    @Test
    void defining_it_again_the_same_way_is_a_no_op() {
        fixture.given(new EntityDefined("krakow", KRAKOW))
                .when(new DefineEntity("krakow", KRAKOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Outcome(0, false));
    }

    @Test
    void redefining_it_otherwise_is_a_conflict() {
        EntityDetails other = new EntityDetails(EntityKind.PLACE, Map.of("en", "Cracow"), List.of(), null);
        fixture.given(new EntityDefined("krakow", KRAKOW))
                .when(new DefineEntity("krakow", other))
                .expectNoEvents()
                .expectException(Rejection.class)
                .expectExceptionMessage(containsString("already defined"));
    }
}
