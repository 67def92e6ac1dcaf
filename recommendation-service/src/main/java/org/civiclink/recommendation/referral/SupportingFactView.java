package org.civiclink.recommendation.referral;

import java.time.LocalDate;

import org.civiclink.events.SupportingFact;

/** A fact behind a referral, with the agency it came from and how well it was verified. */
public record SupportingFactView(String category, String code, String value, String sourceAgency,
                                 LocalDate effectiveFrom, String verification) {

    static SupportingFactView of(SupportingFact fact) {
        return new SupportingFactView(fact.getCategory(), fact.getCode(), fact.getValue(), fact.getSourceAgency(),
                fact.getEffectiveFrom(), fact.getVerification() == null ? null : fact.getVerification().name());
    }
}
