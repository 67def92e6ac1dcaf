package org.civiclink.recommendation.inbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.civiclink.events.ReferralStatus;
import org.civiclink.events.Urgency;
import org.civiclink.platform.api.Page;
import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.civiclink.recommendation.directory.ServiceDirectory;
import org.civiclink.recommendation.referral.ReferralRecord;
import org.civiclink.recommendation.referral.ReferralTransitions;
import org.civiclink.recommendation.referral.ReferralView;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/** The caseworker's inbox: their team's referrals, one referral, and the answer on it. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private static final int MAX_PAGE_SIZE = 200;

    @Inject
    AuditContext audit;

    @Inject
    CallerTeam team;

    @Inject
    ServiceDirectory directory;

    @Inject
    ReferralTransitions transitions;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/inbox")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @PersonalData(categories = {"referral", "housing"})
    @Operation(summary = "The team's referrals, newest first, by status, need and urgency")
    @Transactional
    public Page<ReferralView> inbox(@QueryParam("status") String status,
                                    @QueryParam("need") String need,
                                    @QueryParam("urgency") String urgency,
                                    @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("50") int size) {
        PageRequest paging = PageRequest.of(page, size, MAX_PAGE_SIZE);
        StringBuilder where = new StringBuilder("team = :team");
        Parameters params = Parameters.with("team", team.require());
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", enumValue("status", status, ReferralStatus.class));
        }
        if (need != null) {
            where.append(" and need = :need");
            params.and("need", need.strip());
        }
        if (urgency != null) {
            where.append(" and urgency = :urgency");
            params.and("urgency", enumValue("urgency", urgency, Urgency.class));
        }
        PanacheQuery<ReferralRecord> query = ReferralRecord.find(where.toString(),
                Sort.descending("createdAt").and("referralId"), params);
        List<ReferralView> items = query.page(paging.page(), paging.size()).list().stream()
                .map(r -> ReferralView.of(r, directory)).toList();
        items.forEach(referral -> audit.client(referral.clientId()));
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }

    @GET
    @Path("/referrals/{referralId}")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @PersonalData(categories = {"referral", "housing"})
    @Operation(summary = "One of the team's referrals, with the rule, the facts behind it and matching services")
    @Transactional
    public ReferralView referral(@PathParam("referralId") String referralId) {
        ReferralRecord found = ReferralRecord.findById(referralId);
        // Another team's referral is reported unknown: its existence is itself personal data.
        if (found == null || !team.require().equals(found.team)) {
            throw new ProblemException(Problem.of(404, "unknown-referral", "Not Found", "No such referral for your team."));
        }
        audit.client(found.clientId);
        return ReferralView.of(found, directory);
    }

    @POST
    @Path("/referrals/{referralId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @PersonalData(categories = {"referral"}, action = "UPDATE")
    @Operation(summary = "Record the answer on a referral: SENT, ACCEPTED, DECLINED (reason), COMPLETED, NOT_COMPLETED (reason)")
    public ReferralView changeStatus(@PathParam("referralId") String referralId, StatusChangeRequest request) {
        if (request == null) {
            throw new ProblemException(Problem.of(400, "invalid-referral-status", "Bad Request", "A JSON body with 'status' is required.")
                    .withInvalidParams(List.of(new Problem.InvalidParam("status", "required"))));
        }
        ReferralRecord changed = transitions.changeByPerson(referralId, team.require(), request.status(), request.reason(),
                identity.getPrincipal().getName());
        audit.client(changed.clientId);
        return ReferralView.of(changed, directory);
    }

    private static <E extends Enum<E>> String enumValue(String field, String value, Class<E> type) {
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        List<String> allowed = new ArrayList<>(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        allowed.remove("UNKNOWN");
        if (!allowed.contains(normalized)) {
            throw new ProblemException(Problem.of(400, "invalid-filter", "Bad Request", "Query parameter '" + field + "' is not valid.")
                    .withInvalidParams(List.of(new Problem.InvalidParam(field, "must be one of " + String.join(", ", allowed)))));
        }
        return normalized;
    }
}
