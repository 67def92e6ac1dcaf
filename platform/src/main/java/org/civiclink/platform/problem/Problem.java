package org.civiclink.platform.problem;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 7807 problem detail. {@code invalid-params} names every bad field at once, so a client
 * can fix a request in one round trip.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://civiclink.org/problems/";

    public record InvalidParam(String name, String reason) {
    }

    public static Problem of(Response.StatusType status, String slug, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), status.getReasonPhrase(), status.getStatusCode(), detail, null, List.of());
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, List.of());
    }

    public Problem withInvalidParams(List<InvalidParam> params) {
        return new Problem(type, title, status, detail, instance, List.copyOf(params));
    }

    public Problem withInstance(String instancePath) {
        return new Problem(type, title, status, detail, instancePath, invalidParams);
    }

    public Response toResponse() {
        return Response.status(status).type(JSON).entity(this).build();
    }
}
