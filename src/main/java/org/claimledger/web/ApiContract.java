package org.claimledger.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every call of the API has in common, written into the OpenAPI document once rather than on
 * each resource method: the problem+json refusals and when each can happen (derived from what the
 * operation takes: an id in its path can be unknown, an If-Match can be stale, a body can be
 * invalid or too large), {@code Retry-After} on 429 and 503, {@code ETag} and {@code Cache-Control} on
 * reads, 304 for {@code If-None-Match}, {@code Idempotency-Key} on every POST, and the bearer token:
 * required for writes, optional for reads (a deployment may make reads private). Properties of
 * bodies may be null: the ledger writes an unknown value as null rather than leaving it out.
 */
public class ApiContract implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String SCHEME = "bearer";

    /** The refusals, by status: why each is answered. */
    private static final Map<String, String> REFUSALS = Map.ofEntries(
            Map.entry("400", "Invalid input: the problem's `errors` name each bad field"),
            Map.entry("401", "No token, or a token that is not valid"),
            Map.entry("403", "The token lacks the role this call needs"),
            Map.entry("404", "Nothing is recorded under this id; `detail` names it"),
            Map.entry("409", "Conflicts with what is recorded (the same id with another body, or a state that forbids it)"),
            Map.entry("412", "The If-Match version is no longer the current one"),
            Map.entry("413", "The body is larger than the ledger accepts"),
            Map.entry("406", "None of the media types the Accept header names is served here (the problem names those that are)"),
            Map.entry("415", "The body is not application/json"),
            Map.entry("422", "The Idempotency-Key was used before with another request"),
            Map.entry("429", "Over this caller's share: wait as Retry-After says"),
            Map.entry("503", "The event store cannot be reached or the service is stopping; nothing was recorded: try again after Retry-After"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addShared(components);
        // the problem library's own shapes: ours is Problem, and nothing refers to theirs
        if (components.getSchemas() != null) {
            components.removeSchema("HttpProblem");
            components.removeSchema("HttpValidationProblem");
            components.removeSchema("Violation");
            if (components.getSchemas().containsKey("JsonNode")) {
                components.addSchema("JsonNode", OASFactory.createSchema().description("Any JSON value"));
                components.removeSchema("JsonNodeType");
            }
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> complete(path, method, operation));
            }
        });
        if (components.getSchemas() != null) {
            Map<String, Schema> schemas = components.getSchemas();
            schemas.values().forEach(schema -> nullableProperties(schema, schemas));
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean read = method == PathItem.HttpMethod.GET;
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean stream = responses.getAPIResponses().values().stream()
                .anyMatch(r -> r.getContent() != null && r.getContent().hasMediaType("text/event-stream"));
        // the linked-data export is streamed too: no tag, since a digest needs the whole body first (ADR 16)
        boolean export = responses.getAPIResponses().values().stream()
                .anyMatch(r -> r.getContent() != null && r.getContent().hasMediaType("application/n-quads"));
        boolean linkedData = export || responses.getAPIResponses().values().stream()
                .anyMatch(r -> r.getContent() != null && r.getContent().hasMediaType("application/ld+json"));
        stream |= export;
        if (!secured) {
            // public by default; with claimledger.auth.public-reads=false a token is needed
            List<SecurityRequirement> optional = new ArrayList<>();
            optional.add(OASFactory.createSecurityRequirement());
            optional.add(OASFactory.createSecurityRequirement().addScheme(SCHEME));
            operation.setSecurity(optional);
        }
        for (APIResponse success : responses.getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2")).map(Map.Entry::getValue).toList()) {
            if (stream) {
                addHeader(success, "Cache-Control");
            } else if (read) {
                addHeader(success, "ETag");
                addHeader(success, "Cache-Control");
            } else if (success.getContent() != null) {
                addHeader(success, "ETag");
            }
        }
        if (read && !stream) {
            addParameter(operation, "If-None-Match");
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the If-None-Match tag is the current one")
                    .addHeader("ETag", ref("ETag")).addHeader("Cache-Control", ref("Cache-Control")));
        }
        if (method == PathItem.HttpMethod.POST) {
            addParameter(operation, "Idempotency-Key");
            refuse(responses, "422");
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            refuse(responses, "400");
        }
        refuse(responses, "401");
        refuse(responses, "403");
        if (linkedData) {
            refuse(responses, "406");
        }
        if (path.contains("{") || export) {
            refuse(responses, "404");
        }
        if (!read) {
            refuse(responses, "409");
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equals(p.getName()))) {
            refuse(responses, "412");
        }
        if (operation.getRequestBody() != null) {
            refuse(responses, "413");
            refuse(responses, "415");
        }
        refuse(responses, "429");
        refuse(responses, "503");
        // listed by status, as a reader looks them up
        var sorted = new java.util.TreeMap<>(responses.getAPIResponses());
        sorted.keySet().forEach(responses::removeAPIResponse);
        sorted.forEach(responses::addAPIResponse);
    }

    private static void refuse(APIResponses responses, String status) {
        APIResponse present = responses.getAPIResponse(status);
        // the framework's own 401 and 403 say nothing of the body: ours is a problem
        if (present == null || (present.getRef() == null && present.getContent() == null)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + name(status)));
        }
    }

    private static void addHeader(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, ref(name));
        }
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static void addParameter(Operation operation, String name) {
        if (operation.getParameters() == null
                || operation.getParameters().stream().noneMatch(p -> name.equals(p.getName()))) {
            operation.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + name));
        }
    }

    /** The problem body, the refusals, and the headers and parameters every call shares. */
    private static void addShared(Components components) {
        Schema fieldError = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One problem with the input: the field, or for an import the file and line")
                .addProperty("field", string("The field, as a path into the body (claims[2].value) or a parameter's name"))
                .addProperty("file", string("In an import: the file, by its path in the bundle"))
                .addProperty("line", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .description("In an import: the line in that file"))
                .addProperty("entry", string("In a bibliography: the entry, by its citation key or its place in the file (#3)"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("message"));
        Schema problem = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string("What kind of problem, as a URI").format("uri"))
                .addProperty("title", string("The kind of problem in words"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32"))
                .addProperty("detail", string("This occurrence in words; names the id or the field"))
                .addProperty("instance", string("The request's path").format("uri-reference"))
                .addProperty("field", string("The bad field, when there is one (errors lists them all)"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("title", "status"));
        components.addSchema("FieldError", fieldError);
        components.addSchema("Problem", problem);

        components.addHeader("ETag", OASFactory.createHeader()
                .description("The version, and for a read the digest of the body (\"3.Xq8rD0e6\"); send it "
                        + "back in If-Match to write only over this version, or in If-None-Match to read only when changed")
                .schema(string(null)));
        components.addHeader("Cache-Control", OASFactory.createHeader()
                .description("How long a cache may keep the answer (no-cache: keep it but ask again with its ETag)")
                .schema(string(null)));
        components.addHeader("Location", OASFactory.createHeader()
                .description("Where what was recorded can be read").schema(string(null).format("uri-reference")));
        components.addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")));

        components.addParameter("If-None-Match", OASFactory.createParameter().name("If-None-Match")
                .in(Parameter.In.HEADER).required(false)
                .description("The ETag of a copy the client holds: 304 without a body while it is current")
                .schema(string(null)));
        components.addParameter("Idempotency-Key", OASFactory.createParameter().name("Idempotency-Key")
                .in(Parameter.In.HEADER).required(false)
                .description("A key of the client's (a UUID) naming this request: sent again within 24 hours, "
                        + "the first answer is replayed and nothing is written twice; with another body: 422")
                .schema(string(null).minLength(1).maxLength(200)));

        REFUSALS.forEach((status, why) -> {
            APIResponse refusal = OASFactory.createAPIResponse().description(why)
                    .content(problemContent());
            if (status.equals("429") || status.equals("503")) {
                refusal.addHeader("Retry-After", ref("Retry-After"));
            }
            components.addResponse(name(status), refusal);
        });
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        return OASFactory.createContent().addMediaType(PROBLEM_JSON, media);
    }

    private static String name(String status) {
        return switch (status) {
            case "400" -> "BadRequest";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "NotFound";
            case "409" -> "Conflict";
            case "412" -> "PreconditionFailed";
            case "413" -> "ContentTooLarge";
            case "406" -> "NotAcceptable";
            case "415" -> "UnsupportedMediaType";
            case "422" -> "UnprocessableContent";
            case "429" -> "TooManyRequests";
            case "503" -> "Unavailable";
            default -> throw new IllegalArgumentException(status);
        };
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    /** Every property not listed as required may be null. */
    private static void nullableProperties(Schema schema, Map<String, Schema> schemas) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                // a reference takes no siblings: the referenced shape, of its type or null
                Schema target = schemas.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
                if (target != null && target.getType() != null) {
                    List<Schema.SchemaType> types = new ArrayList<>(target.getType());
                    types.add(Schema.SchemaType.NULL);
                    schema.addProperty(name, OASFactory.createSchema().type(types)
                            .allOf(List.of(OASFactory.createSchema().ref(property.getRef()))));
                }
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
        });
    }
}
