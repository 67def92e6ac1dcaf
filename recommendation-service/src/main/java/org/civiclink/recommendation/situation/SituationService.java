package org.civiclink.recommendation.situation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.civiclink.events.ConsentStatus;
import org.civiclink.events.LinkedEvent;
import org.civiclink.recommendation.consent.Restraint;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps each client's situation across agencies in PostgreSQL and reads it back through consent:
 * what it returns holds only the facts the referral purpose may use.
 */
@ApplicationScoped
public class SituationService {

    static final String RECORD_WITHDRAWN = "record.withdrawn";
    /** Facts and consents hang off records; the client owns whatever its records carry. */
    private static final String OF_CLIENT = "recordId in (select r.recordId from SituationRecordEntity r where r.clientId = ?1)";

    @Inject
    Restraint restraint;

    @ConfigProperty(name = "civiclink.recommendation.zone", defaultValue = "America/New_York")
    ZoneId zone;

    Clock clock = Clock.systemUTC();

    /** Takes the event into the client's situation (once per intake event) and returns the situation after it. */
    @Transactional
    public ClientSituation record(LinkedEvent linked) {
        SituationRecordEntity record = SituationRecordEntity.findById(linked.getRecordId());
        if (record == null) {
            record = new SituationRecordEntity();
            record.recordId = linked.getRecordId();
            record.clientId = linked.getClientId();
            record.updatedAt = Instant.now(clock);
            record.persist();
        } else if (!record.clientId.equals(linked.getClientId())) {
            // The linked event names the record's client as linkage sees it now.
            record.clientId = linked.getClientId();
            record.updatedAt = Instant.now(clock);
        }
        String eventKey = LinkedEventFacts.eventKey(linked.getEvent());
        if (SituationEventEntity.findById(eventKey) == null) {
            SituationEventEntity event = new SituationEventEntity();
            event.eventKey = eventKey;
            event.recordId = linked.getRecordId();
            event.eventType = linked.getEvent().getEventType();
            event.occurredAt = linked.getEvent().getOccurredAt();
            event.persist();
            if (RECORD_WITHDRAWN.equals(event.eventType)) {
                withdraw(linked.getRecordId());
            } else {
                LinkedEventFacts.facts(linked, zone).forEach(f -> f.persist());
            }
            LinkedEventFacts.consents(linked).forEach(c -> c.persist());
        }
        return current(linked.getClientId());
    }

    /**
     * The agency withdrew the record (entered in error): its facts and the consents it gave go; its
     * revocations stay, because a withdrawn record must never widen what may be used.
     */
    private static void withdraw(String recordId) {
        SituationFactEntity.delete("recordId", recordId);
        SituationConsentEntity.delete("recordId = ?1 and status = ?2", recordId, ConsentStatus.GIVEN.name());
    }

    @Transactional
    public ClientSituation current(String clientId) {
        // One query per table with a single bound value: Hibernate reuses their translations, which a bound
        // list of record ids would prevent, and this runs for every linked event.
        List<SituationFact> facts = SituationFactEntity.<SituationFactEntity>list(OF_CLIENT, clientId).stream()
                .map(SituationFactEntity::toFact).toList();
        var consents = SituationConsentEntity.<SituationConsentEntity>list(OF_CLIENT, clientId).stream()
                .map(SituationConsentEntity::toConsent).toList();
        LocalDate asOf = today();
        Restraint.Decision decision = restraint.decide(facts, consents, asOf);
        return new ClientSituation(clientId, asOf, decision.usable(), decision.doNotContact(), decision.withheld());
    }

    /** The retired clients' records, with their facts and consents, now belong to the survivor. */
    @Transactional
    public void merge(String survivorClientId, List<String> retiredClientIds) {
        if (retiredClientIds.isEmpty()) {
            return;
        }
        SituationRecordEntity.update("clientId = ?1, updatedAt = ?2 where clientId in ?3",
                survivorClientId, Instant.now(clock), retiredClientIds);
    }

    /**
     * The named records, with their facts and consents, now form the client {@code clientId}. The original
     * client keeps its other records; {@code previousClientId} is not needed because facts hang off records.
     */
    @Transactional
    public void split(String clientId, List<String> recordIds, String previousClientId) {
        if (recordIds.isEmpty()) {
            return;
        }
        SituationRecordEntity.update("clientId = ?1, updatedAt = ?2 where recordId in ?3",
                clientId, Instant.now(clock), recordIds);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
