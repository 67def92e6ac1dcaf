package org.civiclink.simulator.records;

import java.util.List;

/**
 * How carefully one agency records people: each rate is the chance that a record of theirs shows
 * that kind of error. Documented in docs/simulator.md.
 */
public record AgencyProfile(
        String agencyCode,
        double typoRate,
        double nicknameRate,
        double firstLastSwapRate,
        double caseChangeRate,
        double missingSsnRate,
        double placeholderSsnRate,
        double ssnTranspositionRate,
        double unknownBirthDateRate,
        double dayMonthSwapRate,
        double birthDateTypoRate,
        double maidenNameRate,
        double compoundSurnameVariationRate,
        double oldAddressRate,
        double missingPhoneRate,
        double missingMiddleRate) {

    /** Defaults modelled on how each kind of agency works (see docs/simulator.md). */
    public static List<AgencyProfile> defaults() {
        return List.of(
                // Shelter intake at night, often self-reported, no documents at hand.
                new AgencyProfile("DHS-SHELTER", 0.08, 0.12, 0.03, 0.30, 0.20, 0.06, 0.03, 0.04, 0.04, 0.03, 0.10, 0.30, 0.00, 0.30, 0.60),
                // Child welfare: children often without SSN, names from case files.
                new AgencyProfile("ACS", 0.05, 0.05, 0.02, 0.10, 0.35, 0.02, 0.02, 0.02, 0.03, 0.02, 0.15, 0.25, 0.25, 0.20, 0.40),
                // Benefits: documents verified, SSN required.
                new AgencyProfile("HRA", 0.02, 0.02, 0.01, 0.05, 0.02, 0.01, 0.02, 0.005, 0.01, 0.01, 0.05, 0.15, 0.30, 0.05, 0.20),
                // Clinics: registration desks, many walk-ins.
                new AgencyProfile("HHC", 0.06, 0.10, 0.03, 0.20, 0.30, 0.04, 0.03, 0.03, 0.05, 0.03, 0.20, 0.35, 0.35, 0.10, 0.50));
    }

    /** The same profile with every error rate multiplied (clamped to 1), for harder or easier data. */
    public AgencyProfile scaled(double factor) {
        return new AgencyProfile(agencyCode, c(typoRate * factor), c(nicknameRate * factor), c(firstLastSwapRate * factor),
                c(caseChangeRate * factor), c(missingSsnRate * factor), c(placeholderSsnRate * factor),
                c(ssnTranspositionRate * factor), c(unknownBirthDateRate * factor), c(dayMonthSwapRate * factor),
                c(birthDateTypoRate * factor), c(maidenNameRate * factor), c(compoundSurnameVariationRate * factor),
                c(oldAddressRate * factor), c(missingPhoneRate * factor), c(missingMiddleRate * factor));
    }

    private static double c(double rate) {
        return Math.min(1.0, rate);
    }
}
