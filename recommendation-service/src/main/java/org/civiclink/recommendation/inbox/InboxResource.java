package org.civiclink.recommendation.inbox;

import jakarta.annotation.security.RolesAllowed;
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
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.civiclink.recommendation.referral.ReferralRecord;
import org.civiclink.recommendation.referral.ReferralView;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private static final int MAX_PAGE_SIZE = 200;

    @Inject
    AuditContext audit;

    @GET
    @Path("/inbox")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @PersonalData(categories = {"referral", "housing"})
    @Operation(summary = "Referrals awaiting caseworkers, newest first")
    public Page<ReferralView> inbox(@QueryParam("status") String status,
                                    @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("50") int size) {
        PageRequest paging = PageRequest.of(page, size, MAX_PAGE_SIZE);
        Sort newestFirst = Sort.descending("createdAt").and("referralId");
        PanacheQuery<ReferralRecord> query = status == null
                ? ReferralRecord.findAll(newestFirst)
                : ReferralRecord.find("status", newestFirst, status.toUpperCase());
        var items = query.page(paging.page(), paging.size()).list().stream().map(ReferralView::of).toList();
        items.forEach(referral -> audit.client(referral.clientId()));
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }

    @GET
    @Path("/referrals/{referralId}")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @PersonalData(categories = {"referral", "housing"})
    @Operation(summary = "One referral, with the rule and facts behind it")
    public ReferralView referral(@PathParam("referralId") String referralId) {
        ReferralRecord found = ReferralRecord.findById(referralId);
        if (found == null) {
            throw new ProblemException(Problem.of(404, "unknown-referral", "Not Found", "No such referral."));
        }
        audit.client(found.clientId);
        return ReferralView.of(found);
    }
}
