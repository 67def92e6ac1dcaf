package org.civiclink.deploy.simulate;

import java.time.Instant;
import java.util.Map;

import org.civiclink.simulator.records.SourceRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A simulated record as the intake event its agency would send: the person plus one typical fact. */
public final class IntakeEventJson {

    /** Each agency's most common event, and the fact it carries: event type, fact category, code, data category. */
    private static final Map<String, String[]> TYPICAL_EVENT = Map.of(
            "DHS-SHELTER", new String[] {"shelter.entry", "housing", "shelter-entry", "housing"},
            "ACS", new String[] {"case.opened", "child-welfare", "case-opened", "child-welfare"},
            "HRA", new String[] {"benefit.applied", "benefits", "snap-applied", "benefits"},
            "HHC", new String[] {"health.encounter", "health", "clinic-visit", "health"});

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntakeEventJson() {
    }

    public static String of(SourceRecord record, String eventIdPrefix, Instant occurredAt) {
        String[] typical = TYPICAL_EVENT.getOrDefault(record.agency(), TYPICAL_EVENT.get("HHC"));
        ObjectNode event = JSON.createObjectNode()
                .put("agencyCode", record.agency())
                .put("agencyEventId", eventIdPrefix + record.recordId())
                .put("eventType", typical[0])
                .put("occurredAt", occurredAt.toString());
        ObjectNode person = event.putObject("person").put("agencyRecordId", record.recordId());
        ObjectNode name = person.putArray("names").addObject().put("use", "OFFICIAL");
        putIfPresent(name, "given", record.firstName());
        putIfPresent(name, "middle", record.middleName());
        putIfPresent(name, "family", record.lastName());
        putIfPresent(person, "dateOfBirth", record.dateOfBirth());
        putIfPresent(person, "sex", record.sex());
        putIfPresent(person, "ssn", record.ssn());
        if (!record.street().isEmpty()) {
            person.putArray("addresses").addObject()
                    .put("line1", record.street()).put("city", record.city()).put("region", "NY")
                    .put("postalCode", record.zip()).put("country", "US");
        }
        if (!record.phone().isEmpty()) {
            person.putArray("phones").addObject().put("number", record.phone());
        }
        ArrayNode facts = event.putArray("facts");
        facts.addObject().put("category", typical[1]).put("code", typical[2]).put("dataCategory", typical[3])
                .putObject("source").put("agencyCode", record.agency()).put("verification", "UNVERIFIED");
        return event.toString();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
