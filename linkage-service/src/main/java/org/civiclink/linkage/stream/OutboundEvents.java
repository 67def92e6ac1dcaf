package org.civiclink.linkage.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.PossibleMatch;
import org.civiclink.events.topic.Topic;
import org.civiclink.linkage.engine.ClientChange;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.security.PurposeOfUse;

/** Turns what the engine did into the events other services read. */
final class OutboundEvents {

    static final String SERVICE = "linkage-service";

    private OutboundEvents() {
    }

    static ClientUpdate clientUpdate(ClientChange change, Instant at) {
        return ClientUpdate.newBuilder()
                .setUpdateId(UUID.randomUUID().toString())
                .setType(ClientUpdateType.valueOf(change.type().name()))
                .setClientId(change.clientId())
                .setPreviousClientIds(change.previousClientIds())
                .setRecordIds(change.recordIds())
                .setReason(change.reason())
                .setOccurredAt(at)
                .build();
    }

    static LinkedEvent linked(String clientId, String recordId, IntakeEvent event, Instant at) {
        return LinkedEvent.newBuilder().setClientId(clientId).setRecordId(recordId).setLinkedAt(at).setEvent(event).build();
    }

    static PossibleMatch possibleMatch(org.civiclink.linkage.engine.PossibleMatch match, String leftClientId,
                                       String rightClientId, String modelVersion, Instant at) {
        return PossibleMatch.newBuilder()
                .setLeftRecordId(match.leftRecordId())
                .setRightRecordId(match.rightRecordId())
                .setLeftClientId(leftClientId)
                .setRightClientId(rightClientId)
                .setMatchWeight(match.matchWeight())
                .setMatchProbability(match.matchProbability())
                .setModelVersion(modelVersion)
                .setDetectedAt(at)
                .build();
    }

    /** The linker reads every event's personal data to link it: that processing is itself on the record. */
    static AccessEvent processing(String clientId, String recordId, IntakeEvent event) {
        List<String> categories = new ArrayList<>(List.of("identity"));
        event.getFacts().stream().map(Fact::getDataCategory).distinct().forEach(categories::add);
        return AccessEvents.systemProcessing(SERVICE, PurposeOfUse.TREATMENT,
                "topic:" + Topic.INTAKE_ACCEPTED.topicName(), List.of(clientId), List.of(recordId), categories);
    }
}
