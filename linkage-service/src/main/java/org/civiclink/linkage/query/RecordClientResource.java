package org.civiclink.linkage.query;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/records/{agency}/{recordId}/client")
@Produces(MediaType.APPLICATION_JSON)
public class RecordClientResource {

    public record RecordClient(String recordId, String clientId) {
    }

    @Inject
    LinkageQueries queries;

    @Inject
    AuditContext audit;

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.ADMIN})
    @PersonalData(categories = {"identity"})
    @Operation(summary = "The client a record belongs to")
    public Response clientOf(@PathParam("agency") String agency, @PathParam("recordId") String recordId,
                             @Context UriInfo uri, @Context HttpHeaders headers) {
        String id = agency + ":" + recordId;
        audit.record(id);
        return queries.answer(uri, headers, engine -> {
            String clientId = engine.clientOf(id).orElseThrow(() -> new ProblemException(Problem.of(404,
                    "unknown-record", "Not Found", "No record " + agency + " / " + recordId + " is known.")));
            audit.client(clientId);
            return Response.ok(new RecordClient(id, clientId)).build();
        });
    }
}
