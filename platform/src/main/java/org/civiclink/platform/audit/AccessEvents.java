package org.civiclink.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.AccessOutcome;
import org.civiclink.events.Actor;
import org.civiclink.platform.security.PurposeOfUse;
import org.civiclink.platform.security.Roles;

/** Builds AccessEvents; the one place that knows how an access is described. */
public final class AccessEvents {

    private AccessEvents() {
    }

    /** A service using personal data on its own, e.g. linking an intake event; always permitted. */
    public static AccessEvent systemProcessing(String service, PurposeOfUse purpose, String endpoint,
                                               List<String> clientIds, List<String> recordIds, List<String> dataCategories) {
        return AccessEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setActor(Actor.newBuilder().setSubject(service).setRoles(List.of(Roles.SYSTEM)).setAgencyCode(null).build())
                .setPurposeOfUse(purpose.name())
                .setAction("PROCESS")
                .setClientIds(clientIds)
                .setRecordIds(recordIds)
                .setDataCategories(dataCategories)
                .setService(service)
                .setEndpoint(endpoint)
                .setOutcome(AccessOutcome.PERMITTED)
                .build();
    }

    /** A person or agency system calling an endpoint, permitted or denied. */
    public static AccessEvent httpAccess(Actor actor, String purpose, String purposeReason, String action,
                                         List<String> clientIds, List<String> recordIds, List<String> dataCategories,
                                         String service, String endpoint, int httpStatus, String denialReason) {
        return AccessEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setActor(actor)
                .setPurposeOfUse(purpose)
                .setPurposeReason(purposeReason)
                .setAction(action)
                .setClientIds(clientIds)
                .setRecordIds(recordIds)
                .setDataCategories(dataCategories)
                .setService(service)
                .setEndpoint(endpoint)
                .setOutcome(denialReason == null ? AccessOutcome.PERMITTED : AccessOutcome.DENIED)
                .setHttpStatus(httpStatus)
                .setDenialReason(denialReason)
                .build();
    }
}
