package org.civiclink.audit.api;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.audit.trail.AccessSearch;
import org.civiclink.platform.api.Page;
import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

@Path("/v1/audit/events")
@Produces(MediaType.APPLICATION_JSON)
public class AccessTrailResource {

    private static final int MAX_PAGE_SIZE = 500;

    private final AuditContext audit;

    AccessTrailResource(AuditContext audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Search the access trail", description = "By client, user (subject), agency, purpose of use, outcome and time range [from, to); newest first. This read is itself audited, naming the clients of the entries shown.")
    public Page<AccessRecordView> search(@QueryParam("clientId") String clientId,
                                         @QueryParam("subject") String subject,
                                         @QueryParam("agency") String agency,
                                         @QueryParam("purpose") String purpose,
                                         @QueryParam("outcome") String outcome,
                                         @QueryParam("from") Instant from,
                                         @QueryParam("to") Instant to,
                                         @QueryParam("page") @DefaultValue("0") int page,
                                         @QueryParam("size") @DefaultValue("50") int size) {
        PageRequest paging = PageRequest.of(page, size, MAX_PAGE_SIZE);
        PanacheQuery<AccessRecord> query = new AccessSearch(clientId, subject, agency, purpose, outcome, from, to).query();
        var items = ShownEntries.recordedIn(audit, query.page(paging.page(), paging.size()).list()).stream()
                .map(AccessRecordView::of).toList();
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }
}
