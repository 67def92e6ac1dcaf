package org.civiclink.linkage.query;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.civiclink.linkage.engine.DecisionType;
import org.civiclink.linkage.model.Explanation;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/links/explain")
@Produces(MediaType.APPLICATION_JSON)
public class LinkExplanationResource {

    /**
     * Why two records are or are not in one client: the model's waterfall for the pair, the clients
     * they are in (they may share one through other records), and any operator decision.
     */
    public record LinkExplanation(String leftRecordId, String rightRecordId, String leftClientId, String rightClientId,
                                  boolean sameClient, DecisionType decision, Explanation waterfall) {
    }

    @Inject
    LinkageQueries queries;

    @Inject
    AuditContext audit;

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.ADMIN})
    @PersonalData(categories = {"identity"})
    @Operation(summary = "Per-comparison match weights for two records (\"agency:agencyRecordId\"), as a waterfall")
    public Response explain(@QueryParam("left") String left, @QueryParam("right") String right,
                            @Context UriInfo uri, @Context HttpHeaders headers) {
        requireRecordIds(left, right);
        audit.record(left).record(right);
        return queries.answer(uri, headers, engine -> {
            Explanation waterfall = engine.explain(left, right).orElseThrow(() -> new ProblemException(Problem.of(404,
                    "unknown-record", "Not Found", "Both records must be known to the linker.")));
            String leftClient = engine.clientOf(left).orElse(null);
            String rightClient = engine.clientOf(right).orElse(null);
            audit.client(leftClient).client(rightClient);
            return Response.ok(new LinkExplanation(left, right, leftClient, rightClient,
                    leftClient != null && leftClient.equals(rightClient),
                    engine.decision(left, right).orElse(null), waterfall)).build();
        });
    }

    private static void requireRecordIds(String left, String right) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        if (left == null || !left.contains(":")) {
            invalid.add(new Problem.InvalidParam("left", "required, as agency:agencyRecordId"));
        }
        if (right == null || !right.contains(":")) {
            invalid.add(new Problem.InvalidParam("right", "required, as agency:agencyRecordId"));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-query", "Bad Request",
                    "Name the two records to compare.").withInvalidParams(invalid));
        }
    }
}
