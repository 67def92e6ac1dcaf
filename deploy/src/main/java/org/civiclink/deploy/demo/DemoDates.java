package org.civiclink.deploy.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves the demo's story to the present: rules look at recent facts (a shelter entry this month),
 * so events written for one date would stop producing referrals as the calendar moves on. Every
 * date and instant shifts by the same whole number of days, keeping the story's order and gaps.
 */
final class DemoDates {

    /** The demo's last event happened at this instant, as written in the files. */
    static final Instant STORY_END = Instant.parse("2026-11-30T20:15:00Z");

    private static final Set<String> INSTANTS = Set.of("occurredAt", "declaredAt", "recordedAt");
    private static final Set<String> DATES = Set.of("effectiveFrom", "effectiveTo", "expiresOn", "validFrom");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoDates() {
    }

    /** Whole days to add so that the story ends at least an hour before {@code now}. */
    static long daysToShift(Instant now) {
        return Math.floorDiv(Duration.between(STORY_END, now.minus(Duration.ofHours(1))).toHours(), 24);
    }

    static String shift(String json, long days) {
        try {
            JsonNode root = JSON.readTree(json);
            shiftNode(root, days);
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Demo event is not valid JSON", e);
        }
    }

    private static void shiftNode(JsonNode node, long days) {
        if (node.isArray()) {
            node.forEach(child -> shiftNode(child, days));
        } else if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && INSTANTS.contains(field.getKey())) {
                    field.setValue(object.textNode(Instant.parse(value.asText()).plus(Duration.ofDays(days)).toString()));
                } else if (value.isTextual() && DATES.contains(field.getKey())) {
                    field.setValue(object.textNode(LocalDate.parse(value.asText()).plusDays(days).toString()));
                } else {
                    shiftNode(value, days);
                }
            }
        }
    }
}
