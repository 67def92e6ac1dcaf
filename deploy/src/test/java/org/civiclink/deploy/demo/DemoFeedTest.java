package org.civiclink.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class DemoFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<DemoEvent> events = DemoFeed.fromClasspath().events();

    @Test
    void shipsAShelterEntryAmongEventsFromSeveralAgencies() {
        assertTrue(events.size() >= 3);
        assertTrue(events.stream().anyMatch(e -> e.eventType().equals("shelter.entry") && e.agencyCode().equals("DHS-SHELTER")));
        Set<String> agencies = events.stream().map(DemoEvent::agencyCode).collect(Collectors.toSet());
        assertTrue(Set.of("DHS-SHELTER", "ACS", "HRA", "HHC").containsAll(agencies), agencies.toString());
        assertEquals(events.size(), events.stream().map(e -> e.agencyCode() + ":" + e.agencyEventId()).distinct().count());
    }

    @Test
    void eventsHaveTheIntakeShapeAndLeaveReceivedAtToIntake() throws Exception {
        for (DemoEvent event : events) {
            JsonNode root = JSON.readTree(event.json());
            assertFalse(root.has("receivedAt"), event.resource());
            assertTrue(root.path("occurredAt").asText().endsWith("Z"), event.resource());
            assertFalse(root.path("person").path("agencyRecordId").asText().isBlank(), event.resource());
            for (JsonNode fact : root.path("facts")) {
                assertEquals(event.agencyCode(), fact.path("source").path("agencyCode").asText(), event.resource());
                assertFalse(fact.path("dataCategory").asText().isBlank(), event.resource());
            }
        }
    }

    @Test
    void readsTheFirstReferralIdFromAnInbox() {
        assertEquals(Optional.empty(), DemoInbox.firstReferralId("{\"items\":[]}"));
        assertEquals(Optional.of("r-1"), DemoInbox.firstReferralId("{\"items\":[{\"referralId\":\"r-1\"},{\"referralId\":\"r-2\"}]}"));
        assertEquals(Optional.empty(), DemoInbox.firstReferralId("not json"));
    }
}
