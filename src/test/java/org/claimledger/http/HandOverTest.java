package org.claimledger.http;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.claimledger.axon.AxonLedger;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/**
 * The verdicts change hands between replicas: when this process gets the verdicts back after
 * another replica has moved them on, it must decide from the tables as that replica left them,
 * not from its own working copy of sources and lines, which no longer tells the truth.
 */
@QuarkusTest
class HandOverTest {

    @Inject
    AxonLedger ledger;

    @Inject
    DataSource dataSource;

    @Inject
    org.claimledger.axon.Projections projections;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void verdicts_moved_on_by_another_replica_are_not_decided_from_this_ones_old_working_copy() throws Exception {
        String city = unique("handover");
        post("/api/entities", Api.entity(city, "Kraków")).statusCode(201);
        String first = city + "/first";
        String second = city + "/second";
        post("/api/propositions", Api.proposition(first, city, "boolean")).statusCode(201);
        post("/api/propositions", Api.proposition(second, city, "boolean")).statusCode(201);
        String source = Api.gradedSource("B");
        double handedOver = handOvers();
        claim(source, first);
        Api.awaitVerdict(first, "single-line"); // this process's working copy now holds the source at B
        assertThat(handOvers()).as("batches in a row on one replica keep the working copy").isEqualTo(handedOver);

        TrackingEventProcessor verdicts = ledger.configuration().eventProcessingConfiguration()
                .eventProcessor("verdicts", TrackingEventProcessor.class).orElseThrow();
        verdicts.shutDown();
        try {
            // meanwhile another replica holds the verdicts: a reviewer grades the source E, and that
            // replica writes what follows from it and stores its position past the event
            post("/api/sources/" + source + "/assessments", Map.of("grade", "E", "rationale", "forged")).statusCode(201);
            try (Connection c = dataSource.getConnection()) {
                long assessed = single(c, "SELECT max(global_index) FROM domain_event_entry");
                update(c, "UPDATE verdict_source SET grade = 'E', weight = 0.1 WHERE id = ?", source);
                update(c, "UPDATE token_entry SET token = convert_to(?, 'UTF8'), token_type = "
                                + "'org.axonframework.eventhandling.GapAwareTrackingToken', owner = NULL "
                                + "WHERE processor_name = 'verdicts' AND segment = 0",
                        "{\"index\":" + assessed + ",\"gaps\":[]}");
            }
        } finally {
            verdicts.start();
        }

        // this process takes the verdicts back: a claim by the same source must be weighed at E
        claim(source, second);
        Api.awaitVerdict(second, "discredited");
        assertThat(handOvers()).isEqualTo(handedOver + 1);

        // the pretend replica wrote only what this test needed: the log puts everything right again
        // (the tests share one ledger, and RebuildTest compares whole tables with a rebuild)
        projections.rebuild("verdicts");
        Api.awaitVerdict(first, "discredited");
    }

    private double handOvers() {
        return metrics.get("claimledger.verdicts.handed.over").counter().count();
    }

    private static void claim(String source, String proposition) {
        post("/api/sources/" + source + "/claims", Map.of("id", source + "/" + proposition.replace('/', '-'),
                "propositionId", proposition, "stance", "asserts", "value", Map.of("boolean", true))).statusCode(201);
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).as(sql).isEqualTo(1);
        }
    }
}
