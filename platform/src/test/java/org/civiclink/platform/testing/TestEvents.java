package org.civiclink.platform.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.NameUse;
import org.civiclink.events.PersonName;
import org.civiclink.events.PersonRecord;
import org.civiclink.events.Provenance;
import org.civiclink.events.VerificationStatus;

/** Fictitious intake events for tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static IntakeEvent intake(String agency, String eventId, String eventType, String recordId,
                                     String given, String family, String dateOfBirth, Fact... facts) {
        return IntakeEvent.newBuilder()
                .setAgencyCode(agency)
                .setAgencyEventId(eventId)
                .setEventType(eventType)
                .setOccurredAt(Instant.parse("2026-11-30T20:15:00Z"))
                .setReceivedAt(Instant.parse("2026-11-30T20:15:01Z"))
                .setPerson(PersonRecord.newBuilder()
                        .setAgencyRecordId(recordId)
                        .setNames(List.of(PersonName.newBuilder().setGiven(given).setFamily(family).setUse(NameUse.OFFICIAL).build()))
                        .setDateOfBirth(dateOfBirth)
                        .build())
                .setFacts(List.of(facts))
                .build();
    }

    public static Fact fact(String agency, String category, String code, String dataCategory) {
        return Fact.newBuilder()
                .setCategory(category)
                .setCode(code)
                .setEffectiveFrom(LocalDate.parse("2026-11-30"))
                .setDataCategory(dataCategory)
                .setSource(Provenance.newBuilder().setAgencyCode(agency).setVerification(VerificationStatus.SYSTEM_VERIFIED).build())
                .build();
    }
}
