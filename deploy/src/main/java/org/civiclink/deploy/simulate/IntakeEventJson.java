package org.civiclink.deploy.simulate;

import org.civiclink.events.Address;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.PersonName;
import org.civiclink.events.PersonRecord;
import org.civiclink.events.Phone;
import org.civiclink.events.PhoneUse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An intake event in the JSON form of {@code POST /v1/events}. Renders only what
 * {@link SimulatedIntakeEvents} fills in; receivedAt and quality flags are intake's to set.
 */
public final class IntakeEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntakeEventJson() {
    }

    public static String of(IntakeEvent e) {
        ObjectNode event = JSON.createObjectNode()
                .put("agencyCode", e.getAgencyCode())
                .put("agencyEventId", e.getAgencyEventId())
                .put("eventType", e.getEventType())
                .put("occurredAt", e.getOccurredAt().toString());
        PersonRecord p = e.getPerson();
        ObjectNode person = event.putObject("person").put("agencyRecordId", p.getAgencyRecordId());
        ArrayNode names = person.putArray("names");
        for (PersonName n : p.getNames()) {
            ObjectNode name = names.addObject().put("use", n.getUse().name());
            putIfPresent(name, "given", n.getGiven());
            putIfPresent(name, "middle", n.getMiddle());
            putIfPresent(name, "family", n.getFamily());
            putIfPresent(name, "suffix", n.getSuffix());
        }
        putIfPresent(person, "dateOfBirth", p.getDateOfBirth());
        putIfPresent(person, "sex", p.getSex());
        putIfPresent(person, "ssn", p.getSsn());
        if (!p.getAddresses().isEmpty()) {
            ArrayNode addresses = person.putArray("addresses");
            for (Address a : p.getAddresses()) {
                ObjectNode address = addresses.addObject().put("use", a.getUse().name());
                putIfPresent(address, "line1", a.getLine1());
                putIfPresent(address, "line2", a.getLine2());
                putIfPresent(address, "city", a.getCity());
                putIfPresent(address, "region", a.getRegion());
                putIfPresent(address, "postalCode", a.getPostalCode());
                putIfPresent(address, "country", a.getCountry());
            }
        }
        if (!p.getPhones().isEmpty()) {
            ArrayNode phones = person.putArray("phones");
            for (Phone phone : p.getPhones()) {
                ObjectNode number = phones.addObject().put("number", phone.getNumber());
                if (phone.getUse() != PhoneUse.UNKNOWN) {
                    number.put("use", phone.getUse().name());
                }
            }
        }
        ArrayNode facts = event.putArray("facts");
        for (Fact f : e.getFacts()) {
            ObjectNode fact = facts.addObject().put("category", f.getCategory()).put("code", f.getCode())
                    .put("dataCategory", f.getDataCategory());
            putIfPresent(fact, "value", f.getValue());
            fact.putObject("source").put("agencyCode", f.getSource().getAgencyCode())
                    .put("verification", f.getSource().getVerification().name());
        }
        return event.toString();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
