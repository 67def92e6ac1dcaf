package org.civiclink.linkage;

import java.util.List;

import org.civiclink.events.Address;
import org.civiclink.events.AddressUse;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.Phone;
import org.civiclink.events.PhoneUse;
import org.civiclink.platform.testing.TestEvents;

/**
 * Intake events about one fictitious woman seen by three agencies: two records that share little,
 * and one that shows they are the same person.
 */
public final class People {

    private People() {
    }

    /** One fictitious person's identifying details; tests that share a broker each use their own. */
    public record Persona(String given, String family, String dob, String ssn, String street, String zip, String phone) {
    }

    public static final Persona MARIA = new Persona("Maria", "Lopez", "1975-03-14", "219-09-9998", "12 Oak St", "10001",
            "212-555-0143");
    public static final Persona AISHA = new Persona("Aisha", "Okafor", "1988-11-02", "387-12-4410", "9 Birch Ave", "10453",
            "718-555-0190");
    public static final Persona TOMAS = new Persona("Tomas", "Novak", "1969-07-23", "455-21-7789", "301 Cedar Rd", "11215",
            "347-555-0111");
    public static final Persona GRACE = new Persona("Grace", "Hwang", "1992-01-30", "512-33-0194", "77 Maple Pl", "10027",
            "646-555-0177");

    /** Name, birth date and address only. */
    public static IntakeEvent byAddress(Persona p, String recordId) {
        return person("DHS-SHELTER", recordId, p.given(), p.family(), p.dob(), null, p.street(), p.zip(), null);
    }

    /** A married name, the SSN and phone, no birth date: little in common with {@link #byAddress}. */
    public static IntakeEvent bySsn(Persona p, String recordId) {
        return person("HRA", recordId, p.given(), "Garcia", null, p.ssn(), null, null, p.phone());
    }

    /** Everything: links to both of the above. */
    public static IntakeEvent bridge(Persona p, String recordId) {
        return person("HHC", recordId, p.given(), p.family(), p.dob(), p.ssn(), p.street(), p.zip(), p.phone());
    }

    public static IntakeEvent person(String agency, String recordId, String given, String family, String dob, String ssn,
                                     String street, String zip, String phone) {
        IntakeEvent event = TestEvents.intake(agency, "evt-" + recordId, "person.updated", recordId, given, family, dob);
        event.getPerson().setSsn(ssn);
        event.getPerson().setSex("F");
        if (street != null) {
            event.getPerson().setAddresses(List.of(Address.newBuilder().setLine1(street).setCity("New York")
                    .setPostalCode(zip).setUse(AddressUse.HOME).build()));
        }
        if (phone != null) {
            event.getPerson().setPhones(List.of(Phone.newBuilder().setNumber(phone).setUse(PhoneUse.MOBILE).build()));
        }
        return event;
    }

    public static String key(IntakeEvent event) {
        return event.getAgencyCode() + ":" + event.getPerson().getAgencyRecordId();
    }
}
