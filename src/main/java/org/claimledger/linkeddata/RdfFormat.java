package org.claimledger.linkeddata;

import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** The formats the ledger's linked data is served in, by media type. */
public enum RdfFormat {
    JSON_LD("application/ld+json"),
    TURTLE("text/turtle"),
    N_QUADS("application/n-quads");

    public static final String JSON_LD_TYPE = "application/ld+json";
    public static final String TURTLE_TYPE = "text/turtle";
    public static final String N_QUADS_TYPE = "application/n-quads";

    private final String mediaType;

    RdfFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** As sent: Turtle says its charset (its default is UTF-8 anyway), JSON-LD and N-Quads are UTF-8 by definition. */
    public MediaType contentType() {
        return this == TURTLE ? MediaType.valueOf(mediaType + ";charset=utf-8") : MediaType.valueOf(mediaType);
    }

    RdfWriter writer(OutputStream out) throws IOException {
        return switch (this) {
            case JSON_LD -> new JsonLdWriter(out);
            case TURTLE -> new TurtleWriter(out);
            case N_QUADS -> new NQuadsWriter(out);
        };
    }

    /**
     * The format an Accept header asks for, in the client's order of preference; a wildcard takes
     * the first of {@code offered}. Empty when nothing offered is acceptable.
     */
    public static Optional<RdfFormat> negotiate(List<MediaType> acceptable, List<RdfFormat> offered) {
        if (acceptable == null || acceptable.isEmpty()) {
            return Optional.of(offered.get(0));
        }
        for (MediaType wanted : acceptable) {
            for (RdfFormat f : offered) {
                if (wanted.isCompatible(MediaType.valueOf(f.mediaType))) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a read of a resource should answer JSON-LD rather than its plain JSON: when the client
     * prefers application/ld+json to application/json (plain JSON stays the default, for {@code *}{@code /*} too).
     */
    public static boolean prefersJsonLd(List<MediaType> acceptable) {
        if (acceptable == null) {
            return false;
        }
        MediaType ld = MediaType.valueOf(JSON_LD_TYPE);
        for (MediaType wanted : acceptable) {
            if (wanted.isWildcardType() || wanted.isWildcardSubtype()
                    || wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (wanted.isCompatible(ld)) {
                return true;
            }
        }
        return false;
    }
}
