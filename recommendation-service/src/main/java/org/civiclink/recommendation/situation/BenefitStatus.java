package org.civiclink.recommendation.situation;

import java.time.LocalDate;

/**
 * The latest known status of one benefit program application, e.g. program "snap", status "denied",
 * reason "Missing documents: proof of income".
 */
public record BenefitStatus(String program, String status, String reason, LocalDate since, String sourceAgency) {
}
