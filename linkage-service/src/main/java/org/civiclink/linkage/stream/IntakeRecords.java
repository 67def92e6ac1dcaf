package org.civiclink.linkage.stream;

import java.util.List;

import org.civiclink.events.Address;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.PersonName;
import org.civiclink.events.PersonRecord;
import org.civiclink.events.Phone;
import org.civiclink.linkage.model.SourceRecord;

/** Reads the identifying fields the linker compares out of an intake event. */
final class IntakeRecords {

    private IntakeRecords() {
    }

    static String recordId(IntakeEvent event) {
        return event.getAgencyCode() + ":" + event.getPerson().getAgencyRecordId();
    }

    /** The primary name, the first address and the first phone are the record's; the rest are history. */
    static SourceRecord toSourceRecord(IntakeEvent event) {
        PersonRecord person = event.getPerson();
        PersonName name = first(person.getNames());
        Address address = first(person.getAddresses());
        Phone phone = first(person.getPhones());
        return new SourceRecord(recordId(event), event.getAgencyCode(),
                name == null ? null : name.getGiven(),
                name == null ? null : name.getMiddle(),
                name == null ? null : name.getFamily(),
                person.getDateOfBirth(), person.getSex(), person.getSsn(),
                address == null ? null : address.getLine1(),
                address == null ? null : address.getCity(),
                address == null ? null : address.getPostalCode(),
                phone == null ? null : phone.getNumber());
    }

    private static <T> T first(List<T> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
