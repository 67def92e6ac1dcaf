package org.civiclink.recommendation.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.civiclink.events.ConsentStatus;

/**
 * A person's declaration about data held by one agency, as intake carried it.
 *
 * @param sourceAgency the declaring agency; the declaration covers facts that agency recorded
 */
public record ConsentRecord(String recordId, String purpose, Set<String> dataCategories, ConsentStatus status,
                            Instant declaredAt, LocalDate expiresOn, String sourceAgency) {

    public boolean covers(String purpose, String agency, String dataCategory) {
        return this.purpose.equalsIgnoreCase(purpose) && sourceAgency.equals(agency) && dataCategories.contains(dataCategory);
    }

    public boolean givenOn(LocalDate day) {
        return status == ConsentStatus.GIVEN && (expiresOn == null || !day.isAfter(expiresOn));
    }
}
