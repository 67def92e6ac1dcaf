package org.civiclink.recommendation.situation;

import java.time.LocalDate;

/**
 * A stretch of time with a start and maybe an end, e.g. a shelter stay or a child-welfare case.
 *
 * @param kind the code without its start/end suffix: "shelter", "family-assessment", "foster-care"
 * @param endedOn null while the episode is open
 */
public record Episode(String category, String kind, String sourceAgency, LocalDate since, LocalDate endedOn) {

    public boolean open() {
        return endedOn == null;
    }
}
