package org.civiclink.intake.api;

/** The answer to an accepted intake event. */
public record IntakeReceipt(String agencyCode, String agencyEventId, String recordId, String status) {
}
