package org.civiclink.intake.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** The JSON form of an IntakeEvent as an agency system sends it; mirrors the Avro contract. */
@Schema(name = "IntakeEvent", description = "What happened to whom, as the agency recorded it.")
public record IntakeEventRequest(
        @Schema(example = "DHS-SHELTER", required = true) String agencyCode,
        @Schema(example = "evt-2026-000123", required = true, description = "The agency's own event id; unique per agency.") String agencyEventId,
        @Schema(example = "shelter.entry", required = true) String eventType,
        @Schema(example = "2026-11-30T20:15:00Z", required = true) @JsonDeserialize(using = IsoInstantDeserializer.class) Instant occurredAt,
        @Schema(required = true) Person person,
        List<Fact> facts,
        List<Consent> consents) {

    public record Person(
            @Schema(example = "S-1001", required = true, description = "The agency's own id for the person.") String agencyRecordId,
            List<Name> names,
            @Schema(example = "1984-03-12", description = "As recorded, YYYY-MM-DD.") String dateOfBirth,
            @Schema(example = "F") String sex,
            @Schema(example = "412-55-0198") String ssn,
            List<Address> addresses,
            List<Phone> phones) {
    }

    public record Name(
            @Schema(example = "Maria") String given,
            @Schema(example = "Elena") String middle,
            @Schema(example = "Lopez") String family,
            String suffix,
            @Schema(example = "OFFICIAL", enumeration = {"OFFICIAL", "ALIAS", "MAIDEN", "PREVIOUS", "NICKNAME"}) String use) {
    }

    public record Address(
            @Schema(example = "400 E 30th St") String line1,
            String line2,
            @Schema(example = "New York") String city,
            @Schema(example = "NY") String region,
            @Schema(example = "10016") String postalCode,
            @Schema(example = "US") String country,
            @Schema(example = "SHELTER", enumeration = {"HOME", "MAILING", "SHELTER", "TEMPORARY", "PREVIOUS"}) String use,
            LocalDate validFrom) {
    }

    public record Phone(
            @Schema(example = "+1 212 555 0143", required = true) String number,
            @Schema(example = "MOBILE", enumeration = {"MOBILE", "HOME", "WORK", "SHELTER"}) String use) {
    }

    public record Fact(
            @Schema(example = "housing", required = true) String category,
            @Schema(example = "shelter-entry", required = true) String code,
            @Schema(example = "Family shelter, 2 children") String value,
            @Schema(example = "2026-11-30") LocalDate effectiveFrom,
            LocalDate effectiveTo,
            @Schema(example = "housing", required = true, description = "Data category for consent and audit.") String dataCategory,
            Source source) {
    }

    public record Consent(
            @Schema(example = "REFERRAL", required = true) String purpose,
            @Schema(example = "[\"housing\", \"benefits\"]") List<String> dataCategories,
            @Schema(example = "GIVEN", required = true, enumeration = {"GIVEN", "REVOKED"}) String status,
            @Schema(example = "2026-11-30T20:20:00Z", required = true) @JsonDeserialize(using = IsoInstantDeserializer.class) Instant declaredAt,
            LocalDate expiresOn,
            Source source) {
    }

    public record Source(
            @Schema(example = "DHS-SHELTER") String agencyCode,
            @Schema(example = "CARES") String sourceSystem,
            @Schema(example = "SYSTEM_VERIFIED",
                    enumeration = {"UNVERIFIED", "SELF_REPORTED", "DOCUMENT_VERIFIED", "SYSTEM_VERIFIED"}) String verification,
            @JsonDeserialize(using = IsoInstantDeserializer.class) Instant recordedAt) {
    }
}
