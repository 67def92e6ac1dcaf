package org.civiclink.deploy.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civiclink.events.Address;
import org.civiclink.events.AddressUse;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.NameUse;
import org.civiclink.events.PersonName;
import org.civiclink.events.PersonRecord;
import org.civiclink.events.Phone;
import org.civiclink.events.Provenance;
import org.civiclink.events.VerificationStatus;
import org.civiclink.simulator.records.SourceRecord;

/**
 * A simulated record as the intake event its agency would send: the person plus one typical fact.
 * The one mapping both publish paths use: Kafka sends it as Avro, REST renders it as JSON
 * ({@link IntakeEventJson}).
 */
public final class SimulatedIntakeEvents {

    /** Each agency's most common event, and the fact it carries: event type, fact category, code, data category. */
    private static final Map<String, String[]> TYPICAL_EVENT = Map.of(
            "DHS-SHELTER", new String[] {"shelter.entry", "housing", "shelter-entry", "housing"},
            "ACS", new String[] {"case.opened", "child-welfare", "case-opened", "child-welfare"},
            "HRA", new String[] {"benefit.applied", "benefits", "snap-applied", "benefits"},
            "HHC", new String[] {"health.encounter", "health", "clinic-visit", "health"});

    private SimulatedIntakeEvents() {
    }

    /**
     * @param eventIdPrefix makes the agencyEventId unique per run, so a rerun is not an idempotent replay
     * @param occurredAt    also used as receivedAt, which the schema requires but intake overwrites
     */
    public static IntakeEvent of(SourceRecord record, String eventIdPrefix, Instant occurredAt) {
        String[] typical = TYPICAL_EVENT.getOrDefault(record.agency(), TYPICAL_EVENT.get("HHC"));
        PersonName name = PersonName.newBuilder().setUse(NameUse.OFFICIAL)
                .setGiven(orNull(record.firstName())).setMiddle(orNull(record.middleName()))
                .setFamily(orNull(record.lastName())).build();
        List<Address> addresses = new ArrayList<>();
        if (!record.street().isEmpty()) {
            addresses.add(Address.newBuilder().setUse(AddressUse.HOME).setLine1(record.street())
                    .setCity(orNull(record.city())).setRegion("NY").setPostalCode(orNull(record.zip())).setCountry("US")
                    .build());
        }
        List<Phone> phones = new ArrayList<>();
        if (!record.phone().isEmpty()) {
            phones.add(Phone.newBuilder().setNumber(record.phone()).build());
        }
        PersonRecord person = PersonRecord.newBuilder().setAgencyRecordId(record.recordId()).setNames(List.of(name))
                .setDateOfBirth(orNull(record.dateOfBirth())).setSex(orNull(record.sex())).setSsn(orNull(record.ssn()))
                .setAddresses(addresses).setPhones(phones).build();
        Fact fact = Fact.newBuilder().setCategory(typical[1]).setCode(typical[2]).setDataCategory(typical[3])
                .setSource(Provenance.newBuilder().setAgencyCode(record.agency())
                        .setVerification(VerificationStatus.UNVERIFIED).build())
                .build();
        return IntakeEvent.newBuilder()
                .setAgencyCode(record.agency())
                .setAgencyEventId(eventIdPrefix + record.recordId())
                .setEventType(typical[0])
                .setOccurredAt(occurredAt)
                .setReceivedAt(occurredAt)
                .setPerson(person)
                .setFacts(List.of(fact))
                .build();
    }

    /** The raw-topic key: {@code agencyCode:agencyEventId}. */
    public static String rawKey(IntakeEvent event) {
        return event.getAgencyCode() + ":" + event.getAgencyEventId();
    }

    /** The accepted-topic key, as intake-service writes it: {@code agencyCode:agencyRecordId}. */
    public static String acceptedKey(IntakeEvent event) {
        return event.getAgencyCode() + ":" + event.getPerson().getAgencyRecordId();
    }

    /** The record id linkage uses: {@code agency:agencyRecordId}. */
    public static String linkageRecordId(SourceRecord record) {
        return record.agency() + ":" + record.recordId();
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
