package org.civiclink.recommendation.directory;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.civiclink.platform.api.Page;
import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.NoPersonalData;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.Authenticated;

/**
 * The service directory in Open Referral HSDS 3.0 shape. It describes services, never people, so
 * it is not audited as personal data; callers still authenticate like everywhere else.
 */
@Path("/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@NoPersonalData
public class ServiceResource {

    private static final int MAX_PAGE_SIZE = 100;

    @Inject
    ServiceDirectory directory;

    @GET
    @Operation(summary = "HSDS services, by taxonomy term code and/or text, sorted by name")
    public Page<ObjectNode> services(@QueryParam("taxonomyTerm") String taxonomyTerm,
                                     @QueryParam("q") String text,
                                     @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("20") int size) {
        Page<HsdsService> found = directory.search(taxonomyTerm, text, PageRequest.of(page, size, MAX_PAGE_SIZE));
        return new Page<>(found.items().stream().map(HsdsService::document).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{serviceId}")
    @Operation(summary = "One HSDS service with its organization, locations, schedules, eligibility, capacity and taxonomy terms")
    public ObjectNode service(@PathParam("serviceId") String serviceId) {
        return directory.byId(serviceId).map(HsdsService::document)
                .orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-service", "Not Found", "No such service in the directory.")));
    }
}
