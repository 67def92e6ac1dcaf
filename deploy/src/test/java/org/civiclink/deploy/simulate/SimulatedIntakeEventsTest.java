package org.civiclink.deploy.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.civiclink.events.IntakeEvent;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** REST and Kafka publishing send the same event: one mapping, two renderings. */
class SimulatedIntakeEventsTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final SourceRecord SHELTER = new SourceRecord("DHS-SHELTER-12", "DHS-SHELTER", "Ana", "Maria", "Diaz-Lopez",
            "1990-01-02", "F", "", "400 E 30th St", "New York", "10016", "2125550199", "P7");

    @Test
    void theEventCarriesThePersonAsRecordedAndOneTypicalFact() {
        IntakeEvent event = SimulatedIntakeEvents.of(SHELTER, "run1-", AT);

        assertEquals("DHS-SHELTER", event.getAgencyCode());
        assertEquals("run1-DHS-SHELTER-12", event.getAgencyEventId());
        assertEquals("shelter.entry", event.getEventType());
        assertEquals("DHS-SHELTER-12", event.getPerson().getAgencyRecordId());
        assertEquals("Diaz-Lopez", event.getPerson().getNames().get(0).getFamily());
        assertNull(event.getPerson().getSsn(), "an empty field is absent, not an empty string");
        assertEquals("10016", event.getPerson().getAddresses().get(0).getPostalCode());
        assertEquals("housing", event.getFacts().get(0).getDataCategory());
        assertEquals("DHS-SHELTER:run1-DHS-SHELTER-12", SimulatedIntakeEvents.rawKey(event));
        assertEquals("DHS-SHELTER:DHS-SHELTER-12", SimulatedIntakeEvents.linkageRecordId(SHELTER));
    }

    @Test
    void theJsonBodyRendersTheSameEvent() throws Exception {
        JsonNode json = new ObjectMapper().readTree(IntakeEventJson.of(SimulatedIntakeEvents.of(SHELTER, "run1-", AT)));

        assertEquals("run1-DHS-SHELTER-12", json.get("agencyEventId").asText());
        assertEquals("2026-12-01T10:00:00Z", json.get("occurredAt").asText());
        assertEquals("Maria", json.at("/person/names/0/middle").asText());
        assertEquals("OFFICIAL", json.at("/person/names/0/use").asText());
        assertEquals("2125550199", json.at("/person/phones/0/number").asText());
        assertTrue(json.at("/person/phones/0/use").isMissingNode(), "UNKNOWN phone use is left to intake's default");
        assertFalse(json.get("person").has("ssn"));
        assertFalse(json.has("receivedAt"), "receivedAt is intake's to set");
        assertEquals("UNVERIFIED", json.at("/facts/0/source/verification").asText());
    }
}
