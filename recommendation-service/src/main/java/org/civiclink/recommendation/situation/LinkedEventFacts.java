package org.civiclink.recommendation.situation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.civiclink.events.ConsentDeclaration;
import org.civiclink.events.DataQualityFlag;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.VerificationStatus;

/**
 * Turns a linked event into the facts and consents the situation stores. Besides the event's own facts
 * it records two things the envelope says: a shelter entry or exit announced only by the event type,
 * and the date of birth (as a fact of category "person", data category "identity", so consent governs
 * it like any other fact).
 */
final class LinkedEventFacts {

    static final String SHELTER_ENTRY = "shelter.entry";
    static final String SHELTER_EXIT = "shelter.exit";

    private LinkedEventFacts() {
    }

    static String eventKey(IntakeEvent event) {
        return event.getAgencyCode() + "/" + event.getAgencyEventId();
    }

    static List<SituationFactEntity> facts(LinkedEvent linked, ZoneId zone) {
        IntakeEvent event = linked.getEvent();
        LocalDate observedOn = LocalDate.ofInstant(event.getOccurredAt(), zone);
        List<SituationFactEntity> facts = new ArrayList<>();
        for (Fact fact : event.getFacts()) {
            SituationFactEntity e = base(linked, observedOn);
            e.category = fact.getCategory();
            e.code = fact.getCode();
            e.value = fact.getValue();
            e.dataCategory = fact.getDataCategory();
            e.sourceAgency = fact.getSource().getAgencyCode();
            e.sourceSystem = fact.getSource().getSourceSystem();
            e.verification = fact.getSource().getVerification().name();
            e.effectiveFrom = fact.getEffectiveFrom();
            e.effectiveTo = fact.getEffectiveTo();
            if (fact.getSource().getRecordedAt() != null) {
                e.recordedAt = fact.getSource().getRecordedAt();
            }
            facts.add(e);
        }
        shelterFromEventType(linked, observedOn, facts);
        dateOfBirth(linked, observedOn).ifPresent(facts::add);
        return facts;
    }

    private static void shelterFromEventType(LinkedEvent linked, LocalDate observedOn, List<SituationFactEntity> facts) {
        String type = linked.getEvent().getEventType();
        String code = SHELTER_ENTRY.equals(type) ? "shelter-entry" : SHELTER_EXIT.equals(type) ? "shelter-exit" : null;
        if (code == null || facts.stream().anyMatch(f -> f.category.equals("housing") && f.code.equals(code))) {
            return;
        }
        SituationFactEntity e = base(linked, observedOn);
        e.category = "housing";
        e.code = code;
        e.dataCategory = "housing";
        e.sourceAgency = linked.getEvent().getAgencyCode();
        // Nobody verified a fact we read off the event type.
        e.verification = VerificationStatus.UNKNOWN.name();
        facts.add(e);
    }

    private static Optional<SituationFactEntity> dateOfBirth(LinkedEvent linked, LocalDate observedOn) {
        IntakeEvent event = linked.getEvent();
        String dob = event.getPerson().getDateOfBirth();
        // Intake keeps doubtful dates of birth but flags them; an age from a flagged date would mislead a rule.
        boolean flagged = event.getQualityFlags().stream().map(DataQualityFlag::getField).anyMatch(f -> f.startsWith("person.dateOfBirth"));
        if (dob == null || flagged || Situations.parseDate(dob).isEmpty()) {
            return Optional.empty();
        }
        SituationFactEntity e = base(linked, observedOn);
        e.category = ClientSituation.DATE_OF_BIRTH_CATEGORY;
        e.code = ClientSituation.DATE_OF_BIRTH_CODE;
        e.value = dob.trim();
        e.dataCategory = "identity";
        e.sourceAgency = event.getAgencyCode();
        e.verification = VerificationStatus.UNKNOWN.name();
        return Optional.of(e);
    }

    private static SituationFactEntity base(LinkedEvent linked, LocalDate observedOn) {
        SituationFactEntity e = new SituationFactEntity();
        e.recordId = linked.getRecordId();
        e.eventKey = eventKey(linked.getEvent());
        e.observedOn = observedOn;
        e.recordedAt = linked.getEvent().getOccurredAt();
        return e;
    }

    static List<SituationConsentEntity> consents(LinkedEvent linked) {
        List<SituationConsentEntity> consents = new ArrayList<>();
        for (ConsentDeclaration declaration : linked.getEvent().getConsents()) {
            SituationConsentEntity e = new SituationConsentEntity();
            e.recordId = linked.getRecordId();
            e.eventKey = eventKey(linked.getEvent());
            e.purpose = declaration.getPurpose();
            e.dataCategories = declaration.getDataCategories().toArray(String[]::new);
            e.status = declaration.getStatus().name();
            e.declaredAt = declaration.getDeclaredAt();
            e.expiresOn = declaration.getExpiresOn();
            e.sourceAgency = declaration.getSource().getAgencyCode();
            consents.add(e);
        }
        return consents;
    }

}
