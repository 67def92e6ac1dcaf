package org.civiclink.audit.report;

import java.time.Instant;
import java.util.List;

import org.civiclink.audit.trail.AccessRecord;

/**
 * One line of a client's accounting of disclosures: who saw or changed which categories of the
 * client's data, when and why. Automated processing by services is listed too, marked with
 * actorType "system", so the client sees every use and can tell people from machines.
 */
public record Disclosure(Instant occurredAt, String actorType, String subject, List<String> roles, String agency,
                         String action, List<String> dataCategories, String purposeOfUse, String purposeReason,
                         String service, String endpoint, String eventId) {

    public static final List<String> CSV_COLUMNS = List.of("occurredAt", "actorType", "subject", "roles", "agency", "action",
            "dataCategories", "purposeOfUse", "purposeReason", "service", "endpoint", "eventId");

    public static Disclosure of(AccessRecord r) {
        return new Disclosure(r.occurredAt, r.systemActor() ? "system" : "person", r.actorSubject, List.of(r.actorRoles),
                r.actorAgency, r.action, List.of(r.dataCategories), r.purposeOfUse, r.purposeReason, r.service, r.endpoint,
                r.eventId);
    }
}
