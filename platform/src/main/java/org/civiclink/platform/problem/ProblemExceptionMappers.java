package org.civiclink.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves a CivicLink service as application/problem+json. Messages name fields and
 * rules, never the values sent, so personal data does not leak into error bodies or logs.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized",
                        "A valid bearer token is required.").withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden",
                "Your role does not allow this operation.").withInstance(uri.getPath()).toResponse();
    }

    // Named explicitly: Quarkus ships a mapper for MismatchedInputException that would otherwise win.
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, JsonParseException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : "";
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "malformed-json",
                field.isEmpty() ? "The body is not valid JSON." : "Field '" + field + "' has the wrong type or format.");
        if (!field.isEmpty()) {
            problem = problem.withInvalidParams(List.of(new Problem.InvalidParam(field, "wrong type or format")));
        }
        return problem.withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(status, slug, safeDetail(status.getStatusCode())).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf("Unexpected error on %s: %s", uri.getPath(), e.getClass().getName());
        LOG.debug("Unexpected error", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "The request could not be processed; it has been logged.").withInstance(uri.getPath()).toResponse();
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String safeDetail(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "No acceptable representation; ask for application/json.";
            case 415 -> "Unsupported content type; send application/json.";
            default -> "The request could not be processed.";
        };
    }
}
