package org.civiclink.linkage.query;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.civiclink.linkage.engine.PossibleMatch;
import org.civiclink.platform.api.Page;
import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/possible-matches")
@Produces(MediaType.APPLICATION_JSON)
public class PossibleMatchResource {

    private static final int MAX_PAGE_SIZE = 200;

    public record PossibleMatchView(String leftRecordId, String rightRecordId, String leftClientId,
                                    String rightClientId, double matchWeight, double matchProbability) {
    }

    @Inject
    LinkageQueries queries;

    @Inject
    AuditContext audit;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @PersonalData(categories = {"identity"})
    @Operation(summary = "Pairs between the review and the link thresholds that no one has decided yet, strongest first")
    public Response list(@QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("size") @DefaultValue("50") int size,
                         @Context UriInfo uri, @Context HttpHeaders headers) {
        PageRequest paging = PageRequest.of(page, size, MAX_PAGE_SIZE);
        return queries.answer(uri, headers, engine -> {
            List<PossibleMatch> open = engine.openPossibleMatches().stream()
                    .sorted((a, b) -> Double.compare(b.matchWeight(), a.matchWeight())).toList();
            List<PossibleMatchView> items = open.stream()
                    .skip((long) paging.page() * paging.size()).limit(paging.size())
                    .map(match -> new PossibleMatchView(match.leftRecordId(), match.rightRecordId(),
                            engine.clientOf(match.leftRecordId()).orElse(null),
                            engine.clientOf(match.rightRecordId()).orElse(null),
                            match.matchWeight(), match.matchProbability()))
                    .toList();
            items.forEach(item -> audit.client(item.leftClientId()).client(item.rightClientId())
                    .record(item.leftRecordId()).record(item.rightRecordId()));
            return Response.ok(new Page<>(items, paging.page(), paging.size(), open.size())).build();
        });
    }
}
