package org.civiclink.intake.api;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civiclink.events.IntakeEvent;
import org.civiclink.intake.publish.AcceptedEventPublisher;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.security.AgencyAuthorization;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/events")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IntakeEventResource {

    @Inject
    AcceptedEventPublisher publisher;

    @Inject
    AgencyAuthorization agencies;

    @Inject
    AuditContext audit;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.AGENCY_SYSTEM)
    @PersonalData(categories = {"identity", "facts", "consent"}, action = "CREATE")
    @Operation(summary = "Publish one intake event", description = "Accepted events go to Kafka before the answer (202).")
    public Response publish(IntakeEventRequest request) {
        IntakeEventValidator.requireUsable(request);
        agencies.requireOwnAgency(request.agencyCode());
        String recordId = request.agencyCode() + ":" + request.person().agencyRecordId();
        audit.record(recordId);
        IntakeEvent event = IntakeEventMapper.toEvent(request, Instant.now(clock));
        publisher.publish(recordId, event);
        return Response.accepted(new IntakeReceipt(request.agencyCode(), request.agencyEventId(), recordId, "ACCEPTED")).build();
    }
}
