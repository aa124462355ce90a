package org.claimledger.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.claimledger.claim.ClaimCommand.RecordClaim;
import org.claimledger.claim.ClaimEvent.ClaimRecorded;

import java.time.Duration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The framework the ledger is built on, with nothing of the ledger around it: Axon 4.13 in this
 * process, as its reference guide sets it up without Spring. A {@code SimpleCommandBus}, Axon's own
 * {@code JdbcEventStorageEngine} and PostgreSQL table on the same server as the service, an Agroal
 * pool of the service's size, one transaction per command, and one new aggregate per command that
 * records the ledger's own {@code ClaimRecorded} payload. No HTTP, no validation, no read models:
 * what the ledger adds to this is what its ratio to the peer measures.
 */
final class PlainAxonPeer implements AutoCloseable {

    /** A claim recorded the plain way: the command creates its aggregate, nothing is read first. */
    public static class PeerClaim {

        @AggregateIdentifier
        private String id;

        protected PeerClaim() {
            // for Axon
        }

        @CommandHandler
        public PeerClaim(RecordClaim command) {
            apply(new ClaimRecorded(command.claimId(), command.sourceId(), command.content()));
        }

        @EventSourcingHandler
        void on(ClaimRecorded event) {
            id = "claim:" + event.claimId();
        }
    }

    private final AgroalDataSource dataSource;
    private final Configuration axon;

    PlainAxonPeer(String jdbcUrl, String user, String password, int poolSize) throws Exception {
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(poolSize)
                        .initialSize(2)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .connectionFactoryConfiguration(factory -> factory
                                .jdbcUrl(jdbcUrl)
                                .principal(new NamePrincipal(user))
                                .credential(new SimplePassword(password)))));
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(JsonMapper.builder()
                        .addModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build())
                .build();
        // the connection is bound to the unit of work, committed when the command's unit commits
        var connections = new UnitOfWorkAwareConnectionProviderWrapper(new DataSourceConnectionProvider(dataSource));
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> NoTransactionManager.INSTANCE)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(PeerClaim.class)
                .buildConfiguration();
        axon.start();
    }

    CommandGateway gateway() {
        return axon.commandGateway();
    }

    /** Events in Axon's table: what the peer has committed. */
    long committed() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM domainevententry")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() {
        axon.shutdown();
        dataSource.close();
    }
}
