package org.civiclink.recommendation.inbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.civiclink.events.Actor;
import org.civiclink.platform.audit.AccessEventPublisher;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.PurposeOfUse;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Server-sent events for the caller's team: new referrals and status changes as they happen.
 * Quarkus REST runs no response filter on a streamed response, so the shared access filter never
 * sees this one: the opening of the stream is recorded here, before it is answered, and each pushed
 * item names a client, so each is recorded as its own AccessEvent and released only once that
 * record is on the broker. Refusals (no purpose, wrong role) are answered before the stream exists
 * and go through the filter as usual.
 */
@Path("/v1/inbox/stream")
public class InboxStreamResource {

    static final String ENDPOINT = "GET /v1/inbox/stream";
    static final List<String> CATEGORIES = List.of("referral", "housing");
    /** Items queued per subscriber before a slow client is cut off (it reconnects and re-reads the inbox). */
    private static final int BUFFER = 10_000;

    @Inject
    InboxFeed feed;

    @Inject
    CallerTeam callerTeam;

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessEventPublisher access;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @GET
    @Blocking // the opening's AccessEvent is awaited, which must not hold up an event-loop thread
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @PersonalData(categories = {"referral", "housing"})
    @Operation(summary = "New referrals and status changes for the caller's team, as server-sent events")
    public Multi<InboxItem> stream(@Context HttpHeaders headers) {
        String team = callerTeam.require();
        // Request-scoped beans are gone once items flow, so what the audit needs is taken now.
        Actor actor = Actor.newBuilder()
                .setSubject(identity.getPrincipal().getName())
                .setRoles(List.copyOf(identity.getRoles()))
                .setAgencyCode(team)
                .build();
        String purpose = PurposeOfUse.parse(headers.getHeaderString(PurposeOfUse.HEADER)).map(Enum::name).orElse(null);
        String purposeReason = headers.getHeaderString(PurposeOfUse.REASON_HEADER);
        access.publishAndWait(AccessEvents.httpAccess(actor, purpose, purposeReason, "READ", List.of(), List.of(),
                CATEGORIES, service, ENDPOINT, 200, null));
        return feed.items()
                .filter(item -> team.equals(item.team()))
                // Each item's AccessEvent is sent as soon as the item arrives (several in flight at once), and
                // items are released in order, each only after its own event is on the broker.
                .map(item -> CompletableFuture.supplyAsync(() -> {
                    access.publishAndWait(AccessEvents.httpAccess(actor, purpose, purposeReason, "READ",
                            List.of(item.referral().clientId()), List.of(), CATEGORIES, service, ENDPOINT, 200, null));
                    return item;
                }, Infrastructure.getDefaultWorkerPool()))
                // The buffer takes every item at once, so the map above starts each audit on arrival.
                .onOverflow().buffer(BUFFER)
                .onItem().transformToUniAndConcatenate(audited -> Uni.createFrom().completionStage(audited));
    }
}
