package org.civiclink.intake.validation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A doubtful value intake kept: where it is, why it is doubtful, and a normalized form if one exists. */
@Schema(description = "A value kept although it looks wrong; the original stays where it was sent.")
public record QualityFlag(
        @Schema(example = "person.ssn") String field,
        @Schema(example = "SSN_PLACEHOLDER") String code,
        @Schema(example = "123-45-6789", nullable = true) String normalized) {
}
