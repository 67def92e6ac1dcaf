package org.civiclink.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DemoDatesTest {

    @Test
    void theStoryEndsWithinADayBeforeNowAndKeepsItsGaps() throws Exception {
        Instant now = Instant.parse("2027-03-10T08:00:00Z");
        long days = DemoDates.daysToShift(now);
        Instant storyEnd = DemoDates.STORY_END.plusSeconds(days * 86_400);
        assertTrue(storyEnd.isBefore(now.minusSeconds(3_600)) && storyEnd.isAfter(now.minusSeconds(26 * 3_600)), storyEnd.toString());

        String json = "{\"occurredAt\":\"2026-11-30T20:15:00Z\",\"person\":{\"dateOfBirth\":\"1984-03-12\"},"
                + "\"facts\":[{\"effectiveFrom\":\"2026-11-02\",\"source\":{\"recordedAt\":\"2026-11-02T10:00:00Z\"}}]}";
        JsonNode shifted = new ObjectMapper().readTree(DemoDates.shift(json, days));
        assertEquals(storyEnd.toString(), shifted.get("occurredAt").asText());
        assertEquals("1984-03-12", shifted.get("person").get("dateOfBirth").asText(), "a birth date is not part of the story's clock");
        assertEquals(java.time.LocalDate.parse("2026-11-02").plusDays(days).toString(),
                shifted.get("facts").get(0).get("effectiveFrom").asText());
    }
}
