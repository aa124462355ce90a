package org.claimledger.stream.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.stream.UpdateLog;
import org.claimledger.stream.kafka.KafkaBroker;
import org.claimledger.stream.kafka.KafkaPublisher;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the update topic is, and how far publication to it has got. */
@Path("/api/streams/kafka")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Streams")
public class KafkaStatusResource {

    /**
     * The topic, its brokers, the last update the broker has acknowledged against the newest one,
     * and whether this replica is the one publishing (one replica of a cluster does).
     */
    public record Status(String topic, String bootstrapServers, boolean embedded, String published, String head,
                         boolean publishingHere) {
    }

    @Inject
    KafkaBroker broker;

    @Inject
    KafkaPublisher publisher;

    @Inject
    UpdateLog log;

    @ConfigProperty(name = "claimledger.kafka.topic")
    String topic;

    @GET
    @Operation(operationId = "readKafkaStatus", summary = "The update topic and how far publication has got",
            description = "The topic, its brokers, the last update the broker acknowledged against the newest one, "
                    + "and whether this replica is the one publishing.")
    @APIResponse(responseCode = "200", description = "Where publication stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Status.class)))
    @org.jboss.resteasy.reactive.Cache(noStore = true) // the state of the machinery, now
    public Status status() {
        String servers;
        try {
            servers = broker.bootstrapServers();
        } catch (IllegalStateException down) {
            servers = null;
        }
        return new Status(topic, servers, broker.isEmbedded(), publisher.published().id(), log.head().id(),
                publisher.publishing());
    }
}
