package org.claimledger.stream;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger whose feed was written by the verdict model (migrations up to V7, every commit before
 * ADR 11) goes on under the feed's own reader with no manual step: V8 starts the reader where the
 * verdict model stood, and knows the subjects of the propositions already defined.
 */
@QuarkusTest
class FeedUpgradeTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    @Test
    void the_feed_reader_starts_where_the_verdict_model_left_the_feed() throws Exception {
        String database = "upgrade_" + Long.toHexString(System.nanoTime());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String at = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Flyway.configure().dataSource(at, user, password).locations("db/migration").target("7").load().migrate();
        byte[] token = "<GapAwareTrackingToken><index>41</index><gaps/></GapAwareTrackingToken>".getBytes();
        try (Connection c = DriverManager.getConnection(at, user, password); Statement s = c.createStatement()) {
            try (var ps = c.prepareStatement("INSERT INTO token_entry (processor_name, segment, token, token_type,"
                    + " timestamp, owner) VALUES ('verdicts', 0, ?, 'org.axonframework.eventhandling.GapAwareTrackingToken',"
                    + " '2026-12-01T10:00:00Z', 'old-node')")) {
                ps.setBytes(1, token);
                ps.executeUpdate();
            }
            s.execute("INSERT INTO proposition_view (id, subject, predicate, value_type, cardinality, version, defined_at)"
                    + " VALUES ('krakow/intact', 'krakow', 'intact', 'boolean', 'single', 0, now()),"
                    + " ('krakow/unclaimed', 'krakow', 'unclaimed', 'boolean', 'single', 0, now())");
        }

        Flyway.configure().dataSource(at, user, password).locations("db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(at, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT token, token_type, owner FROM token_entry"
                    + " WHERE processor_name = 'updates' AND segment = 0")) {
                assertThat(rs.next()).as("a position for the feed's reader").isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(token);
                assertThat(rs.getString(2)).endsWith("GapAwareTrackingToken");
                assertThat(rs.getString(3)).as("held by nobody yet").isNull();
            }
            List<String> subjects = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT proposition_id || '=' || subject FROM update_subject ORDER BY 1")) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
            }
            assertThat(subjects).containsExactly("krakow/intact=krakow", "krakow/unclaimed=krakow");
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
