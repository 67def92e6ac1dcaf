package org.civiclink.audit.api;

import java.time.Instant;
import java.util.List;

import org.civiclink.audit.trail.AccessRecord;

/** An access as the compliance API shows it. */
public record AccessRecordView(
        long sequence, String eventId, Instant occurredAt, String subject, List<String> roles, String agency,
        String purposeOfUse, String purposeReason, String action, List<String> clientIds, List<String> recordIds,
        List<String> dataCategories, String service, String endpoint, String outcome, Integer httpStatus,
        String denialReason) {

    public static AccessRecordView of(AccessRecord r) {
        return new AccessRecordView(r.seq, r.eventId, r.occurredAt, r.actorSubject, List.of(r.actorRoles), r.actorAgency,
                r.purposeOfUse, r.purposeReason, r.action, List.of(r.clientIds), List.of(r.recordIds),
                List.of(r.dataCategories), r.service, r.endpoint, r.outcome, r.httpStatus, r.denialReason);
    }
}
