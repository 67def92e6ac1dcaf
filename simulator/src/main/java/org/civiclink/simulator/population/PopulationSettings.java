package org.civiclink.simulator.population;

import java.time.LocalDate;

/**
 * Knobs that shape the population. Documented in docs/simulator.md.
 *
 * @param shelterShare        share of households living in one of the shared shelters
 * @param shelters            how many shelter addresses the shelter households share
 * @param familyShare         share of households that are couples, with or without children
 * @param singleParentShare   share of households that are one adult with children
 * @param twinRate            chance that a household with children has twins (same birth date and surname)
 * @param juniorRate          chance that a father and son share a given name (Jr/Sr)
 * @param compoundSurnameRate chance that a person carries two surnames ("Garcia Lopez")
 * @param hyphenatedRate      chance that a person carries a hyphenated surname ("Smith-Jones")
 * @param marriedNameRate     chance that a partner took the other's surname (the maiden name is kept)
 * @param moveRate            chance that a person moved and some agencies still hold the old address
 * @param referenceDate       "today" for ages
 */
public record PopulationSettings(
        double shelterShare, int shelters, double familyShare, double singleParentShare, double twinRate,
        double juniorRate, double compoundSurnameRate, double hyphenatedRate, double marriedNameRate,
        double moveRate, LocalDate referenceDate) {

    public PopulationSettings {
        // Each pair is carved out of one random draw, so together they cannot exceed the whole.
        requireShares("familyShare", familyShare, "singleParentShare", singleParentShare);
        requireShares("compoundSurnameRate", compoundSurnameRate, "hyphenatedRate", hyphenatedRate);
    }

    public static PopulationSettings defaults() {
        return new PopulationSettings(0.08, 12, 0.35, 0.20, 0.03, 0.06, 0.10, 0.04, 0.55, 0.15,
                LocalDate.of(2026, 12, 1));
    }

    private static void requireShares(String name, double share, String otherName, double otherShare) {
        if (share + otherShare > 1) {
            throw new IllegalArgumentException(name + " + " + otherName + " must not exceed 1, got " + share + " + " + otherShare);
        }
    }
}
