package org.civiclink.intake.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.civiclink.intake.catalogue.IntakeCatalogue;
import org.civiclink.intake.receive.Answer;
import org.civiclink.intake.receive.IntakeDesk;
import org.civiclink.intake.validation.QualityFlag;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.AgencyAuthorization;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Many events in one request, each decided on its own (its own transaction), with one result per
 * item in request order. A batch that names another agency anywhere is refused whole (403) before
 * anything is decided, so a misconfigured sender learns it at once and nothing is half-done.
 */
@Path("/v1/events/batch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IntakeBatchResource {

    @Inject
    IntakeDesk desk;

    @Inject
    IntakeCatalogue catalogue;

    @Inject
    AgencyAuthorization agencies;

    @Inject
    AuditContext audit;

    @Schema(name = "IntakeBatch")
    public record Batch(@Schema(description = "Up to 1,000 events", required = true) List<IntakeEventRequest> events) {
    }

    @Schema(name = "IntakeBatchItemResult")
    public record ItemResult(
            @Schema(example = "0") int index,
            @Schema(example = "evt-2026-000123", nullable = true) String agencyEventId,
            @Schema(example = "accepted", enumeration = {"accepted", "duplicate", "conflict", "rejected"}) String result,
            @Schema(nullable = true) String recordId,
            List<QualityFlag> qualityFlags,
            List<Problem.InvalidParam> reasons) {
    }

    @Schema(name = "IntakeBatchResult")
    public record BatchResult(int accepted, int duplicates, int conflicts, int rejected, List<ItemResult> results) {
    }

    @POST
    @RolesAllowed(Roles.AGENCY_SYSTEM)
    @PersonalData(categories = {"identity", "facts", "consent"}, action = "CREATE")
    @Operation(summary = "Publish up to 1,000 intake events",
            description = "200 with one result per item: accepted, duplicate (accepted before, same content: nothing published), "
                    + "conflict (id accepted before with other content) or rejected (reasons listed). More than 1,000 is 413.")
    public BatchResult publish(Batch batch) {
        if (batch == null || batch.events() == null) {
            throw new ProblemException(Problem.of(422, "invalid-batch", "Unprocessable batch", "events is required")
                    .withInvalidParams(List.of(new Problem.InvalidParam("events", "required, an array of intake events"))));
        }
        if (batch.events().size() > catalogue.batchMax()) {
            throw new ProblemException(Problem.of(413, "batch-too-large", "Payload Too Large",
                    "A batch carries at most " + catalogue.batchMax() + " events; this one has " + batch.events().size() + ". Split it.")
                    .withInvalidParams(List.of(new Problem.InvalidParam("events", "at most " + catalogue.batchMax() + " items"))));
        }
        batch.events().stream()
                .filter(event -> event != null && event.agencyCode() != null)
                .forEach(event -> agencies.requireOwnAgency(event.agencyCode()));

        List<ItemResult> results = new ArrayList<>(batch.events().size());
        int[] counts = new int[4];
        for (int i = 0; i < batch.events().size(); i++) {
            IntakeEventRequest event = batch.events().get(i);
            Answer answer = desk.receive(event, IntakeDesk.REST);
            String result = switch (answer.outcome()) {
                case ACCEPTED -> answer.replay() ? "duplicate" : "accepted";
                case CONFLICT -> "conflict";
                case REJECTED -> "rejected";
            };
            counts[switch (result) { case "accepted" -> 0; case "duplicate" -> 1; case "conflict" -> 2; default -> 3; }]++;
            if (answer.recordId() != null) {
                audit.record(answer.recordId());
            }
            results.add(new ItemResult(i, event == null ? null : event.agencyEventId(), result, answer.recordId(),
                    answer.qualityFlags(), answer.outcome() == Answer.Outcome.CONFLICT
                            ? List.of(new Problem.InvalidParam("agencyEventId", "accepted before with different content"))
                            : answer.reasons()));
        }
        return new BatchResult(counts[0], counts[1], counts[2], counts[3], results);
    }
}
