package org.civiclink.intake.raw;

import java.util.List;
import java.util.function.Function;

import org.civiclink.events.Address;
import org.civiclink.events.ConsentDeclaration;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.PersonName;
import org.civiclink.events.PersonRecord;
import org.civiclink.events.Phone;
import org.civiclink.events.Provenance;
import org.civiclink.intake.api.IntakeEventRequest;

/**
 * An Avro event from the raw topic in the JSON request form, so that it meets the same rules, the
 * same flags and the same content hash as a REST post. The producer's receivedAt and qualityFlags
 * are not the agency's to set and are ignored.
 */
final class RawEventRequests {

    private RawEventRequests() {
    }

    static IntakeEventRequest fromAvro(IntakeEvent event) {
        return new IntakeEventRequest(event.getAgencyCode(), event.getAgencyEventId(), event.getEventType(), event.getOccurredAt(),
                person(event.getPerson()), map(event.getFacts(), RawEventRequests::fact), map(event.getConsents(), RawEventRequests::consent));
    }

    private static IntakeEventRequest.Person person(PersonRecord person) {
        if (person == null) {
            return null;
        }
        return new IntakeEventRequest.Person(person.getAgencyRecordId(),
                map(person.getNames(), RawEventRequests::name), person.getDateOfBirth(), person.getSex(), person.getSsn(),
                map(person.getAddresses(), RawEventRequests::address), map(person.getPhones(), RawEventRequests::phone));
    }

    private static IntakeEventRequest.Name name(PersonName name) {
        return new IntakeEventRequest.Name(name.getGiven(), name.getMiddle(), name.getFamily(), name.getSuffix(), name.getUse().name());
    }

    private static IntakeEventRequest.Address address(Address a) {
        return new IntakeEventRequest.Address(a.getLine1(), a.getLine2(), a.getCity(), a.getRegion(), a.getPostalCode(), a.getCountry(),
                a.getUse().name(), a.getValidFrom());
    }

    private static IntakeEventRequest.Phone phone(Phone phone) {
        return new IntakeEventRequest.Phone(phone.getNumber(), phone.getUse().name());
    }

    private static IntakeEventRequest.Fact fact(Fact f) {
        return new IntakeEventRequest.Fact(f.getCategory(), f.getCode(), f.getValue(), f.getEffectiveFrom(), f.getEffectiveTo(),
                f.getDataCategory(), source(f.getSource()));
    }

    private static IntakeEventRequest.Consent consent(ConsentDeclaration c) {
        return new IntakeEventRequest.Consent(c.getPurpose(), c.getDataCategories(), c.getStatus().name(), c.getDeclaredAt(),
                c.getExpiresOn(), source(c.getSource()));
    }

    private static IntakeEventRequest.Source source(Provenance p) {
        return p == null ? null
                : new IntakeEventRequest.Source(p.getAgencyCode(), p.getSourceSystem(), p.getVerification().name(), p.getRecordedAt());
    }

    private static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        return values == null ? List.of() : values.stream().map(mapping).toList();
    }
}
