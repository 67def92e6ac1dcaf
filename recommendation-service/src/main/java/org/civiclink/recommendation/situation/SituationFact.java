package org.civiclink.recommendation.situation;

import java.time.Instant;
import java.time.LocalDate;

import org.civiclink.events.SupportingFact;
import org.civiclink.events.VerificationStatus;

/**
 * One fact about a client as an agency recorded it: the record it belongs to (so a split can move it),
 * the agency it came from, how well that agency verified it, and when it held.
 *
 * @param observedOn the day of the event that carried the fact; the fact's date when it has no effectiveFrom
 * @param recordedAt when the event happened; orders facts of the same day
 */
public record SituationFact(String recordId, String category, String code, String value, String dataCategory,
                            String sourceAgency, VerificationStatus verification, LocalDate effectiveFrom,
                            LocalDate effectiveTo, LocalDate observedOn, Instant recordedAt) {

    /** The day the fact speaks of: its effective date if the agency gave one, else the day it was reported. */
    public LocalDate date() {
        return effectiveFrom != null ? effectiveFrom : observedOn;
    }

    public boolean is(String category, String code) {
        return this.category.equals(category) && this.code.equals(code);
    }

    public SupportingFact toSupporting() {
        return SupportingFact.newBuilder()
                .setCategory(category)
                .setCode(code)
                .setValue(value)
                .setSourceAgency(sourceAgency)
                .setEffectiveFrom(date())
                .setVerification(verification)
                .build();
    }
}
