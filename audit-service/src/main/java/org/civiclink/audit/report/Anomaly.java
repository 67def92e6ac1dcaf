package org.civiclink.audit.report;

import java.time.Instant;
import java.util.List;

/**
 * One finding of an anomaly report. Hourly kinds use clock hours [hourStart, hourStart + 1h) and
 * fill {@code count}; after-hours and no-relationship findings are single accesses and fill
 * {@code eventId} ({@code clientIds}: for no-relationship, only the clients the person had no
 * relationship with).
 */
public record Anomaly(String kind, String subject, String agency, Instant hourStart, Long count,
                      String eventId, Instant occurredAt, String localTime, String endpoint, List<String> clientIds,
                      String purposeOfUse) {
}
