package org.civiclink.platform.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.Actor;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.security.AccessControlFilter;
import org.civiclink.platform.security.AgencyAuthorization;
import org.civiclink.platform.security.PersonalDataEndpoint;
import org.civiclink.platform.security.PurposeOfUse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Records every answer of a personal-data endpoint as an AccessEvent, permitted or denied. It is
 * the only place that does so, which is why no endpoint can forget. A permitted answer is held
 * back until its event is on the broker; if that fails the caller gets 503 instead of the data.
 */
@Provider
@Priority(Priorities.USER - 100)
public class AccessAuditFilter implements ContainerResponseFilter {

    static final List<String> CLIENT_PATH_PARAMS = List.of("clientId");

    @Context
    ResourceInfo resourceInfo;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditContext auditContext;

    @Inject
    AccessEventPublisher publisher;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        PersonalDataEndpoint.of(resourceInfo).ifPresent(endpoint -> audit(endpoint, request, response));
    }

    private void audit(PersonalDataEndpoint endpoint, ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        String denial = denialReason(status, request);
        PurposeOfUse purpose = (PurposeOfUse) request.getProperty(AccessControlFilter.PURPOSE_PROPERTY);
        AccessEvent event = AccessEvents.httpAccess(
                actor(status),
                purpose != null ? purpose.name() : request.getHeaderString(PurposeOfUse.HEADER),
                request.getHeaderString(PurposeOfUse.REASON_HEADER),
                endpoint.action(),
                clientIds(request),
                recordIds(request),
                endpoint.categories(),
                service,
                request.getMethod() + " " + request.getUriInfo().getPath(),
                status,
                denial);
        if (denial != null || io.vertx.core.Context.isOnEventLoopThread()) {
            publisher.publish(event);
            return;
        }
        try {
            publisher.publishAndWait(event);
        } catch (AuditUnavailableException e) {
            Problem problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE, "audit-unavailable",
                    "The access could not be recorded, so no data is released. Try again shortly.");
            response.setStatus(problem.status());
            response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
            response.setEntity(problem);
        }
    }

    private Actor actor(int status) {
        // A refused token (401) leaves no identity to read: asking for it then fails, on the IO thread with lazy
        // authentication, and turned the 401 into a 500. Whoever sent it is not authenticated.
        if (status == Response.Status.UNAUTHORIZED.getStatusCode() || identity.isAnonymous()) {
            return Actor.newBuilder().setSubject("anonymous").build();
        }
        String agency = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(AgencyAuthorization.AGENCY_CLAIM) : null;
        return Actor.newBuilder()
                .setSubject(identity.getPrincipal().getName())
                .setRoles(List.copyOf(identity.getRoles()))
                .setAgencyCode(agency)
                .build();
    }

    private List<String> clientIds(ContainerRequestContext request) {
        List<String> ids = new ArrayList<>(auditContext.clientIds());
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        CLIENT_PATH_PARAMS.forEach(name -> addIfAbsent(ids, path.getFirst(name)));
        addIfAbsent(ids, request.getUriInfo().getQueryParameters().getFirst("clientId"));
        return ids;
    }

    private List<String> recordIds(ContainerRequestContext request) {
        List<String> ids = new ArrayList<>(auditContext.recordIds());
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        if (path.containsKey("agency") && path.containsKey("recordId")) {
            addIfAbsent(ids, path.getFirst("agency") + ":" + path.getFirst("recordId"));
        }
        return ids;
    }

    private static void addIfAbsent(List<String> ids, String id) {
        if (id != null && !ids.contains(id)) {
            ids.add(id);
        }
    }

    private static String denialReason(int status, ContainerRequestContext request) {
        return switch (status) {
            case 401 -> "not authenticated";
            case 403 -> "role or agency not permitted";
            default -> (String) request.getProperty(AccessControlFilter.DENIAL_PROPERTY);
        };
    }
}
