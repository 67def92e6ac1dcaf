package org.civiclink.recommendation.inbox;

/** A caseworker's answer on a referral: the new status, and why when declined or not completed. */
public record StatusChangeRequest(String status, String reason) {
}
