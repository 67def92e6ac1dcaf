package org.civiclink.audit.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.civiclink.audit.report.FhirAuditEvents;
import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

@Path("/v1/audit/export/fhir")
public class FhirExportResource {

    public static final String FHIR_JSON = "application/fhir+json";
    private static final Duration MAX_RANGE = Duration.ofDays(31);
    /** A page is built in memory as one JSON tree; this bounds it (an AuditEvent is a few KB). */
    private static final int MAX_PAGE_SIZE = 500;

    private final FhirAuditEvents fhir;
    private final AuditContext audit;

    FhirExportResource(ObjectMapper json, AuditContext audit) {
        this.fhir = new FhirAuditEvents(json);
        this.audit = audit;
    }

    @GET
    @Produces({FHIR_JSON, "application/json"})
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Export a time range as FHIR R4 AuditEvents",
            description = "A searchset Bundle of AuditEvent resources (IHE BALP), oldest first; range [from, to) of at most 31 days, "
                    + "the last day by default; paged (size at most 500, default 100), the next page linked with relation 'next'.")
    public ObjectNode export(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
                             @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size,
                             @Context UriInfo uri) {
        TimeRange range = TimeRange.of(from, to, MAX_RANGE);
        PageRequest paging = PageRequest.of(page, size, MAX_PAGE_SIZE);
        PanacheQuery<AccessRecord> query = AccessRecord.find("occurredAt >= ?1 and occurredAt < ?2",
                Sort.by("occurredAt").and("seq"), range.from(), range.to());
        List<AccessRecord> records = ShownEntries.recordedIn(audit, query.page(paging.page(), paging.size()).list());
        long total = query.count();
        boolean more = (long) (paging.page() + 1) * paging.size() < total;
        FhirAuditEvents.PageLinks links = new FhirAuditEvents.PageLinks(link(uri, range, paging, paging.page()),
                paging.page() > 0 ? link(uri, range, paging, paging.page() - 1) : null,
                more ? link(uri, range, paging, paging.page() + 1) : null);
        return fhir.bundle(records, total, links, Instant.now());
    }

    /** The links name the resolved range: a default 'to' of "now" would move between one page and the next. */
    private static URI link(UriInfo uri, TimeRange range, PageRequest paging, int page) {
        return uri.getRequestUriBuilder()
                .replaceQueryParam("from", range.from().toString())
                .replaceQueryParam("to", range.to().toString())
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", paging.size())
                .build();
    }
}
