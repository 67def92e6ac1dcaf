package org.civiclink.audit.relationship;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.audit.AccessEventPublisher;
import org.civiclink.platform.audit.AccessEvents;
import org.civiclink.platform.kafka.UndecodableRecordException;
import org.civiclink.platform.security.PurposeOfUse;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Caseworker assignments, for the no-relationship report. Data minimization: of each linked event
 * only the facts of category "case-management" with code "caseworker-assigned" or
 * "caseworker-unassigned" are looked at, and of those only the client id, the caseworker's subject
 * (the fact's value), the agency that recorded the fact and the event's time are stored. Names,
 * addresses, other facts and consents are never written anywhere by audit-service.
 */
@ApplicationScoped
public class AssignmentListener {

    static final String CATEGORY = "case-management";
    static final String ASSIGNED = "caseworker-assigned";
    static final String UNASSIGNED = "caseworker-unassigned";

    private final EntityManager em;
    private final AccessEventPublisher accessEvents;

    AssignmentListener(EntityManager em, AccessEventPublisher accessEvents) {
        this.em = em;
        this.accessEvents = accessEvents;
    }

    @Incoming("linked-events")
    @Blocking(ordered = true)
    @Transactional
    public void linked(LinkedEvent linked) {
        if (linked == null) {
            throw new UndecodableRecordException();
        }
        IntakeEvent event = linked.getEvent();
        List<String> categories = new ArrayList<>();
        List<Fact> facts = event.getFacts();
        for (int i = 0; i < facts.size(); i++) {
            Fact fact = facts.get(i);
            if (!isAssignment(fact)) {
                continue;
            }
            int stored = em.createNativeQuery("INSERT INTO caseworker_assignment (fact_key, client_id, subject, agency_code, assigned, "
                            + "effective_at) VALUES (:key, :client, :subject, :agency, :assigned, :at) ON CONFLICT (fact_key) DO NOTHING")
                    .setParameter("key", event.getAgencyCode() + ":" + event.getAgencyEventId() + "#" + i)
                    .setParameter("client", linked.getClientId())
                    .setParameter("subject", fact.getValue().strip())
                    .setParameter("agency", fact.getSource().getAgencyCode())
                    .setParameter("assigned", ASSIGNED.equals(fact.getCode()))
                    .setParameter("at", event.getOccurredAt())
                    .executeUpdate();
            if (stored == 1 && !categories.contains(fact.getDataCategory())) {
                categories.add(fact.getDataCategory());
            }
        }
        if (!categories.isEmpty()) {
            accessEvents.publishAndWait(AccessEvents.systemProcessing(RelationshipSource.SERVICE, PurposeOfUse.COMPLIANCE_REVIEW,
                    "topic:" + Topic.LINKED_EVENTS.topicName(), List.of(linked.getClientId()), List.of(linked.getRecordId()), categories));
        }
    }

    static boolean isAssignment(Fact fact) {
        return CATEGORY.equals(fact.getCategory()) && (ASSIGNED.equals(fact.getCode()) || UNASSIGNED.equals(fact.getCode()))
                && fact.getValue() != null && !fact.getValue().isBlank();
    }
}
