package org.claimledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Validators and freshness for every answer (ADR 14). A read's {@code ETag} is the digest of the
 * body it sends, after the resource's version when it has one ({@code "3.Xq8r…"}): a proposition's
 * verdict or a source's list of claims changes without the version moving, and a cache must see it.
 * {@code If-Match} reads the version part only ({@link Etags#expected}). {@code If-None-Match}
 * naming the current tag is answered 304 without a body.
 *
 * <p>Cache-Control: a route says its own ({@code @Cache}, {@code @NoCache}); otherwise reads are
 * {@code no-cache} (kept, but asked again with the tag), writes and refusals {@code no-store}, and
 * everything read is {@code private} when reads need a token.
 */
@Provider
@Priority(Priorities.USER + 500)
public class HttpCaching implements ContainerResponseFilter {

    static final String REVALIDATE = "no-cache";
    static final String NEVER = "no-store";

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "claimledger.auth.public-reads", defaultValue = "true")
    boolean publicReads;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || response.getStatus() >= 300) {
            if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
                headers.putSingle(HttpHeaders.CACHE_CONTROL, NEVER);
            }
            return;
        }
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        }
        if (!publicReads) {
            String policy = headers.getFirst(HttpHeaders.CACHE_CONTROL).toString();
            if (!policy.contains("private") && !policy.contains(NEVER)) {
                headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, " + policy);
            }
        }
        byte[] body = bytes(response.getEntity(), response.getMediaType());
        if (body == null) {
            return;
        }
        String tag = tag(response.getEntityTag() == null ? null : response.getEntityTag().getValue(), body);
        headers.putSingle(HttpHeaders.ETAG, "\"" + tag + "\"");
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            headers.remove(HttpHeaders.CONTENT_TYPE);
            headers.remove(HttpHeaders.CONTENT_LENGTH);
        } else if (!(response.getEntity() instanceof byte[] || response.getEntity() instanceof String)) {
            // serialised once: the digest's bytes are the bytes sent
            response.setEntity(body, new java.lang.annotation.Annotation[0],
                    response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType());
        }
    }

    /** The body as it goes on the wire, or null for what is not a plain body (a stream, a file). */
    private byte[] bytes(Object entity, MediaType type) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        // a Response's type is settled after the filters: the API's resources produce JSON
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return null; // the writer will report it as it always has
        }
    }

    /** {@code <version>.<digest>}, or the digest alone for a representation without a version. */
    static String tag(String version, byte[] body) {
        String digest = digest(body);
        return version == null || version.isEmpty() ? digest : version + "." + digest;
    }

    static String digest(byte[] body) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110's weak comparison: {@code *}, or any listed tag equal to ours once {@code W/} is set aside. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("\"" + tag + "\"")) {
                return true;
            }
        }
        return false;
    }
}
