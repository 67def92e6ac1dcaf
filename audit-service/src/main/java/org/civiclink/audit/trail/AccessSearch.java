package org.civiclink.audit.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** Search criteria over the access trail; absent criteria match everything. */
public record AccessSearch(String clientId, String subject, String agency, String purpose, String outcome, Instant from, Instant to) {

    public PanacheQuery<AccessRecord> query() {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (clientId != null) {
            clauses.add("array_contains(clientIds, :clientId)");
            params.put("clientId", clientId);
        }
        if (subject != null) {
            clauses.add("actorSubject = :subject");
            params.put("subject", subject);
        }
        if (agency != null) {
            clauses.add("actorAgency = :agency");
            params.put("agency", agency);
        }
        if (purpose != null) {
            clauses.add("purposeOfUse = :purpose");
            params.put("purpose", purpose);
        }
        if (outcome != null) {
            clauses.add("outcome = :outcome");
            params.put("outcome", outcome);
        }
        if (from != null) {
            clauses.add("occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            clauses.add("occurredAt < :to");
            params.put("to", to);
        }
        Sort order = Sort.descending("occurredAt").and("eventId");
        return clauses.isEmpty()
                ? AccessRecord.findAll(order)
                : AccessRecord.find(String.join(" and ", clauses), order, params);
    }
}
