package org.civiclink.linkage.query;

import java.net.URI;
import java.util.List;

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

import org.civiclink.linkage.engine.Client;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/clients/{clientId}")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    /** The answer for an id retired by a merge: where the person's records are now. */
    public record Redirect(String clientId, String mergedInto) {
    }

    @Inject
    LinkageQueries queries;

    @Inject
    AuditContext audit;

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.ADMIN})
    @PersonalData(categories = {"identity"})
    @Operation(summary = "A client's member records, each value with its source agency; a merged-away id answers 308 to the surviving client")
    public Response client(@PathParam("clientId") String clientId, @Context UriInfo uri, @Context HttpHeaders headers) {
        audit.client(clientId);
        return queries.answer(uri, headers, engine -> {
            Client found = engine.client(clientId).orElseThrow(() -> new ProblemException(
                    Problem.of(404, "unknown-client", "Not Found", "No client " + clientId + " is known.")));
            if (!found.clientId().equals(clientId)) {
                audit.client(found.clientId());
                return Response.status(308).location(URI.create("/v1/clients/" + found.clientId()))
                        .entity(new Redirect(clientId, found.clientId())).build();
            }
            List<ClientView.MemberRecord> members = found.recordIds().stream()
                    .map(engine::source).flatMap(java.util.Optional::stream).map(ClientView::member).toList();
            members.forEach(member -> audit.record(member.recordId()));
            return Response.ok(new ClientView(clientId, members)).build();
        });
    }
}
