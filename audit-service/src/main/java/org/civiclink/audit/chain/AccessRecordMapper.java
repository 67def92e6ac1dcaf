package org.civiclink.audit.chain;

import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.events.AccessEvent;

public final class AccessRecordMapper {

    private AccessRecordMapper() {
    }

    public static AccessRecord toRecord(AccessEvent event) {
        AccessRecord record = new AccessRecord();
        record.eventId = event.getEventId();
        record.occurredAt = event.getOccurredAt();
        record.actorSubject = event.getActor().getSubject();
        record.actorRoles = event.getActor().getRoles().toArray(String[]::new);
        record.actorAgency = event.getActor().getAgencyCode();
        record.purposeOfUse = event.getPurposeOfUse();
        record.purposeReason = event.getPurposeReason();
        record.action = event.getAction();
        record.clientIds = event.getClientIds().toArray(String[]::new);
        record.recordIds = event.getRecordIds().toArray(String[]::new);
        record.dataCategories = event.getDataCategories().toArray(String[]::new);
        record.service = event.getService();
        record.endpoint = event.getEndpoint();
        record.outcome = event.getOutcome().name();
        record.httpStatus = event.getHttpStatus();
        record.denialReason = event.getDenialReason();
        return record;
    }
}
