package org.civiclink.recommendation.situation;

/**
 * Someone an agency recorded as living with the client.
 *
 * @param relation "child", "spouse", "parent", ... (the fact code after "member-")
 * @param recordId the other person's record ("agency:agencyRecordId") when the agency knows it, else ""
 */
public record HouseholdLink(String relation, String recordId, String sourceAgency) {
}
