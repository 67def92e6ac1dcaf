package org.civiclink.intake.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
 * What became of an event. It names no person, but it tells that a record exists at an agency, so
 * it is personal data ("intake-status") and only the agency that sent the event may ask.
 */
@Path("/v1/events/{agency}/{eventId}")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeStatusResource {

    @Inject
    IntakeDesk desk;

    @Inject
    AgencyAuthorization agencies;

    @Inject
    AuditContext audit;

    @Schema(name = "IntakeStatus")
    public record IntakeStatus(
            @Schema(example = "DHS-SHELTER") String agencyCode,
            @Schema(example = "evt-2026-000123") String agencyEventId,
            @Schema(example = "ACCEPTED", enumeration = {"ACCEPTED", "REJECTED"}) String status,
            @Schema(example = "DHS-SHELTER:S-1001", nullable = true) String recordId,
            Instant receivedAt,
            List<QualityFlag> qualityFlags,
            @Schema(description = "Why it was rejected; empty when accepted") List<Problem.InvalidParam> reasons) {
    }

    @GET
    @RolesAllowed(Roles.AGENCY_SYSTEM)
    @PersonalData(categories = {"intake-status"}, action = "READ")
    @Operation(summary = "Status of one event: accepted, rejected with reasons, or 404 if intake never stored it")
    public IntakeStatus status(@PathParam("agency") String agency, @PathParam("eventId") String eventId) {
        // Ownership first: another agency must not learn whether an event exists.
        agencies.requireOwnAgency(agency);
        Answer answer = desk.find(agency, eventId).orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-event",
                "Not Found", "No event " + eventId + " from " + agency + " was received (or it was refused before it could be stored).")));
        if (answer.recordId() != null) {
            audit.record(answer.recordId());
        }
        return new IntakeStatus(answer.agencyCode(), answer.agencyEventId(), answer.outcome().name(), answer.recordId(),
                answer.receivedAt(), answer.qualityFlags(), answer.reasons());
    }
}
