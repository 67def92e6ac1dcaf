package org.civiclink.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civiclink.intake.receive.Answer;
import org.civiclink.intake.receive.IntakeDesk;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.security.AgencyAuthorization;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/events")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IntakeEventResource {

    /** Set on a repeated post: the receipt is the original one and nothing was published again. */
    public static final String REPLAY_HEADER = "Idempotent-Replay";

    @Inject
    IntakeDesk desk;

    @Inject
    AgencyAuthorization agencies;

    @Inject
    AuditContext audit;

    @POST
    @RolesAllowed(Roles.AGENCY_SYSTEM)
    @PersonalData(categories = {"identity", "facts", "consent"}, action = "CREATE")
    @Operation(summary = "Publish one intake event",
            description = "Accepted events are on Kafka before the answer (202). Posting the same (agencyCode, agencyEventId) "
                    + "with the same content again returns the same receipt (202, header Idempotent-Replay: true) and "
                    + "publishes nothing; with different content it is 409.")
    @APIResponse(responseCode = "202", description = "Accepted (or accepted before)")
    @APIResponse(responseCode = "409", description = "This event id was accepted with different content")
    @APIResponse(responseCode = "422", description = "Unusable: every bad field is listed in invalid-params")
    public Response publish(IntakeEventRequest request) {
        if (request != null && request.agencyCode() != null) {
            agencies.requireOwnAgency(request.agencyCode());
        }
        Answer answer = desk.receive(request, IntakeDesk.REST);
        if (answer.recordId() != null) {
            audit.record(answer.recordId());
        }
        return switch (answer.outcome()) {
            case ACCEPTED -> Response.accepted(IntakeReceipt.of(answer)).header(REPLAY_HEADER, answer.replay()).build();
            case REJECTED -> throw Answers.rejected(answer);
            case CONFLICT -> throw Answers.conflict(answer);
        };
    }
}
