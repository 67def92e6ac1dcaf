package org.civiclink.audit.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.civiclink.audit.report.Disclosure;
import org.civiclink.audit.report.DisclosureCsv;
import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.audit.trail.AccessSearch;
import org.civiclink.platform.api.Page;
import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.PurposeOfUse;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** A client's accounting of disclosures, and the break-the-glass review list. */
@Path("/v1/audit")
public class ComplianceResource {

    private static final int MAX_PAGE_SIZE = 500;

    private final AuditContext audit;

    ComplianceResource(AuditContext audit) {
        this.audit = audit;
    }

    @GET
    @Path("/clients/{clientId}/disclosures")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Accounting of disclosures for one client",
            description = "Every permitted use of the client's data, oldest first; also as text/csv.")
    public List<Disclosure> disclosures(@PathParam("clientId") String clientId, @QueryParam("from") Instant from,
                                        @QueryParam("to") Instant to) {
        audit.client(clientId);
        TimeRange range = TimeRange.wholeTrail(from, to);
        return AccessRecord.<AccessRecord>find("array_contains(clientIds, ?1) and outcome = 'PERMITTED' and occurredAt >= ?2 and occurredAt < ?3 "
                        + "order by occurredAt, seq", clientId, range.from(), range.to())
                .stream().map(Disclosure::of).toList();
    }

    @GET
    @Path("/clients/{clientId}/disclosures")
    @Produces("text/csv")
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Accounting of disclosures for one client, as CSV")
    public String disclosuresCsv(@PathParam("clientId") String clientId, @QueryParam("from") Instant from,
                                 @QueryParam("to") Instant to) {
        return DisclosureCsv.write(disclosures(clientId, from, to));
    }

    @GET
    @Path("/break-the-glass")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Break-the-glass accesses for review", description = "With the reasons given; newest first.")
    public Page<AccessRecordView> breakTheGlass(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                                @QueryParam("page") @DefaultValue("0") int page,
                                                @QueryParam("size") @DefaultValue("50") int size) {
        PageRequest paging = PageRequest.of(page, size, MAX_PAGE_SIZE);
        PanacheQuery<AccessRecord> query = new AccessSearch(null, null, null, PurposeOfUse.BREAK_THE_GLASS.name(), null, from, to).query();
        var items = ShownEntries.recordedIn(audit, query.page(paging.page(), paging.size()).list()).stream()
                .map(AccessRecordView::of).toList();
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }
}
