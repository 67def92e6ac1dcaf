package org.civiclink.intake.api;

import java.time.Instant;
import java.util.List;

import org.civiclink.intake.receive.Answer;
import org.civiclink.intake.validation.QualityFlag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted intake event; a repeated post gets the very same receipt. */
@Schema(name = "IntakeReceipt")
public record IntakeReceipt(
        @Schema(example = "DHS-SHELTER") String agencyCode,
        @Schema(example = "evt-2026-000123") String agencyEventId,
        @Schema(example = "DHS-SHELTER:S-1001", description = "agencyCode:person.agencyRecordId, the Kafka key") String recordId,
        @Schema(example = "ACCEPTED") String status,
        @Schema(example = "2026-11-30T20:15:02.123Z", description = "When intake first received the event") Instant receivedAt,
        @Schema(description = "Doubtful values that were kept") List<QualityFlag> qualityFlags) {

    static IntakeReceipt of(Answer answer) {
        return new IntakeReceipt(answer.agencyCode(), answer.agencyEventId(), answer.recordId(), "ACCEPTED",
                answer.receivedAt(), answer.qualityFlags());
    }
}
