package org.civiclink.linkage.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.civiclink.events.LinkDecision;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    public record Accepted(String decisionId, String type) {
    }

    @Inject
    DecisionPublisher publisher;

    @Inject
    AuditContext audit;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @PersonalData(categories = {"identity"})
    @Operation(summary = "Force-link, unlink or withdraw records; applied in order by the linker and kept through every re-evaluation")
    public Response decide(DecisionRequest request) {
        if (request == null) {
            throw new ProblemException(Problem.of(400, "invalid-decision", "Bad Request", "A JSON body is required."));
        }
        LinkDecision decision = request.toDecision(identity.getPrincipal().getName());
        audit.record(decision.getLeftRecordId()).record(decision.getRightRecordId());
        publisher.publish(decision);
        return Response.accepted(new Accepted(decision.getDecisionId(), decision.getType().name())).build();
    }
}
