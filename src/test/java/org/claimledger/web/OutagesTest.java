package org.claimledger.web;

import io.vertx.core.VertxException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which failures are the database being away, which a client that left, and which are ours (neither). */
class OutagesTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                // the database away, however it is wrapped
                arguments("Axon could not get a connection", new EventStoreException("Failed to obtain a database connection",
                        new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")), true, false),
                arguments("a broken connection under a read model query", new IllegalStateException("read model query failed",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006")), true, false),
                arguments("the server shutting down", new JdbcException("failed",
                        new SQLException("terminating connection due to administrator command", "57P01")), true, false),
                arguments("the server starting up", new IllegalStateException(
                        new SQLException("the database system is starting up", "57P03")), true, false),
                arguments("too many connections", new IllegalStateException(
                        new SQLException("sorry, too many clients already", "53300")), true, false),
                arguments("the pool had none in time", new CompletionException(new IllegalStateException(
                        new SQLException("Acquisition timeout while waiting for new connection"))), true, false),
                arguments("a transient connection failure", new IllegalStateException(
                        new SQLTransientConnectionException("gone")), true, false),
                arguments("connection refused at the socket", new IllegalStateException(new ConnectException("refused")), true, false),
                // a client that went away
                arguments("Vert.x: connection closed", new VertxException("Connection was closed"), false, true),
                arguments("a reset connection", new UncheckedIOException(new IOException("Connection reset by peer")), false, true),
                arguments("a closed channel", new IllegalStateException(new ClosedChannelException()), false, true),
                // faults of ours: neither
                arguments("a constraint of ours", new IllegalStateException("read model update failed",
                        new SQLException("duplicate key value violates unique constraint", "23505")), false, false),
                arguments("a syntax error of ours", new IllegalStateException(new SQLException("syntax error", "42601")), false, false),
                arguments("a plain bug", new NullPointerException("x"), false, false),
                arguments("a message that only looks like it", new IllegalStateException("Broken pipe in our own words"), false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void tells_an_outage_and_a_departed_client_from_a_fault_of_ours(String what, Throwable failure,
                                                                   boolean databaseAway, boolean clientGone) {
        assertThat(Outages.databaseAway(failure)).as("database away").isEqualTo(databaseAway);
        assertThat(Outages.clientGone(failure)).as("client gone").isEqualTo(clientGone);
    }
}
