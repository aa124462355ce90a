package org.claimledger.axon;

import org.claimledger.readmodel.Projection;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.claimledger.claim.Claim;
import org.claimledger.common.References;
import org.claimledger.entity.Entity;
import org.claimledger.proposition.Proposition;
import org.claimledger.source.Source;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one place where Axon meets Quarkus. Builds Axon's configuration on start-up and shuts it down
 * with the application: JSON (Jackson) serialization with pinned event names, the JDBC event store
 * and token store on the application's PostgreSQL datasource, Axon's units of work joined with
 * Quarkus's JTA transactions, one tracking processor per read model.
 */
@ApplicationScoped
public class AxonLedger {

    private static final Logger LOG = Logger.getLogger(AxonLedger.class);

    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    @Inject
    DataSource dataSource;

    @Inject
    jakarta.transaction.TransactionManager jta;

    @Inject
    @All
    List<Projection> projections;

    @ConfigProperty(name = "claimledger.projections.batch-size", defaultValue = "5000")
    int projectionBatchSize;

    @ConfigProperty(name = "claimledger.projections.fetch-size", defaultValue = "5000")
    int fetchSize;

    /** Segments of each read model that can be split by aggregate: replicas share them (see Replicas). */
    @ConfigProperty(name = "claimledger.projections.segments", defaultValue = "3")
    int segments;

    /** A segment whose holder has not extended its claim for this long may be taken by another replica. */
    @ConfigProperty(name = "claimledger.projections.claim-timeout", defaultValue = "10S")
    java.time.Duration claimTimeout;

    /** How often a replica looks for segments to take. */
    @ConfigProperty(name = "claimledger.projections.claim-interval", defaultValue = "2S")
    java.time.Duration claimInterval;

    @Inject
    Replicas replicas;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private volatile Configuration configuration;

    private final ReaderTransactions readerTransactions = new ReaderTransactions();

    void start(@Observes @Priority(100) StartupEvent event) {
        configuration = configure().buildConfiguration();
        configuration.start();
        LOG.infof("Axon started: %d read models on tracking processors", projections.size());
    }

    void stop(@Observes @Priority(100) ShutdownEvent event) {
        Configuration running = configuration;
        if (running != null) {
            running.shutdown();
            configuration = null;
            LOG.info("Axon stopped");
        }
    }

    public CommandGateway commandGateway() {
        return running().commandGateway();
    }

    public EventStore eventStore() {
        return running().eventStore();
    }

    /** What the ledger holds, as reference checks see it (see {@link RememberedReferences}). */
    /**
     * A source's description as last recorded, read from its own stream (not from a read model that
     * may be behind): what a re-import compares a bibliography's entry with. Empty when not registered.
     */
    public java.util.Optional<org.claimledger.source.SourceDetails> sourceDetails(String sourceId) {
        var stream = eventStore().readEvents(Source.streamId(sourceId), 0);
        org.claimledger.source.SourceDetails details = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof org.claimledger.source.SourceEvent.SourceRegistered r) {
                details = r.details();
            } else if (payload instanceof org.claimledger.source.SourceEvent.SourceRevised r) {
                details = r.details();
            }
        }
        return java.util.Optional.ofNullable(details);
    }

    public References references() {
        return running().getComponent(References.class);
    }

    /** Transactions and events of each read model's tracking reader since start. */
    public ReaderTransactions readerTransactions() {
        return readerTransactions;
    }

    public Configuration configuration() {
        return running();
    }

    public boolean isRunning() {
        return configuration != null;
    }

    private Configuration running() {
        Configuration c = configuration;
        if (c == null) {
            throw new IllegalStateException("the ledger is not running");
        }
        return c;
    }

    /** Jackson settings for stored events: dates as ISO text, unknown fields tolerated for old readers. */
    static ObjectMapper eventMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    static Serializer serializer() {
        JacksonSerializer.Builder builder = JacksonSerializer.builder()
                .objectMapper(eventMapper())
                .classLoader(AxonLedger.class.getClassLoader());
        return new UpcastingSerializer(new PinnedNameSerializer(builder));
    }

    private Configurer configure() {
        Serializer serializer = serializer();
        TransactionManager transactions = new JtaTransactionManager(jta);
        ConnectionProvider connections = dataSource::getConnection;

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEventStore(c -> new LedgerEventStore(EmbeddedEventStore.builder()
                        .storageEngine(new LedgerEventStorageEngine(JdbcEventStorageEngine.builder()
                                .connectionProvider(connections)
                                .transactionManager(transactions)
                                .eventSerializer(serializer)
                                .snapshotSerializer(serializer)
                                // events written by earlier code read as the current classes
                                .upcasterChain(SourceDetailsUpcaster.chain())
                                .persistenceExceptionResolver(new PostgresDuplicateKeys())
                                .schema(EVENT_SCHEMA)
                                .batchSize(fetchSize)))
                        // local appends wake the readers at once; this only bounds how late
                        // they hear of appends made by other replicas
                        .fetchDelay(200)
                        .timeUnit(TimeUnit.MILLISECONDS), jta))
                // every event carries who recorded it, taken from the command that caused it
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider("recordedBy")))
                .registerComponent(References.class, c -> new RememberedReferences(new EventStoreReferences(c::eventStore), jta))
                .configureAggregate(unlocked(Source.class))
                .configureAggregate(unlocked(Claim.class))
                .configureAggregate(unlocked(Proposition.class))
                .configureAggregate(unlocked(Entity.class));

        configurer.eventProcessing(processing -> {
            // a read model that cannot handle an event stops and retries it (after a back-off) rather
            // than skip it: a view must never silently miss part of the log
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            TokenStore tokens = tokenStore(connections, serializer);
            processing.usingTrackingEventProcessors()
                    .registerTokenStore(c -> tokens)
                    .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing()
                            .andBatchSize(projectionBatchSize)
                            .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS));
            java.util.Set<String> counted = new java.util.HashSet<>();
            for (Projection projection : projections) {
                processing.registerEventHandler(c -> projection);
                String reader = Projections.nameOf(projection);
                if (counted.add(reader)) {
                    var counting = readerTransactions.counting(reader);
                    processing.registerHandlerInterceptor(reader, c -> counting);
                }
                if (projection.splitByAggregate() && segments > 1) {
                    // a thread for every segment, so that one replica can take over all of them
                    processing.registerTrackingEventProcessorConfiguration(reader,
                            c -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                    .andInitialSegmentsCount(segments)
                                    .andBatchSize(projectionBatchSize)
                                    .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS));
                }
            }
            readerTransactions.measuredBy(metrics);
        });
        return configurer;
    }

    /**
     * An aggregate without Axon's in-process lock. Under group commit a lane's transaction keeps the
     * rows it appended locked until it commits, and goes on to other commands meanwhile; a writer
     * holding Axon's lock on an aggregate while PostgreSQL makes it wait for such a row, and the lane
     * then asking for that lock, would wait on each other where PostgreSQL cannot see it. Without it
     * every wait is PostgreSQL's (which breaks deadlocks), and the event table's unique key on
     * (aggregate, sequence) decides races, as it must anyway between replicas: the loser's
     * ConcurrencyException makes LedgerWriter try again. See ADR 13.
     */
    private static <A> AggregateConfigurer<A> unlocked(Class<A> aggregate) {
        return AggregateConfigurer.defaultConfiguration(aggregate)
                .configureLockFactory(c -> NullLockFactory.INSTANCE);
    }

    private TokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TOKEN_SCHEMA)
                .contentType(byte[].class)
                .nodeId(replicas.self())
                .claimTimeout(claimTimeout)
                .build();
    }
}
