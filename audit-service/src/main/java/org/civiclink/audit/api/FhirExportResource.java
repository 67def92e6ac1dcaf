package org.civiclink.audit.api;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.civiclink.audit.report.FhirAuditEvents;
import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

@Path("/v1/audit/export/fhir")
public class FhirExportResource {

    public static final String FHIR_JSON = "application/fhir+json";
    private static final Duration MAX_RANGE = Duration.ofDays(31);

    private final FhirAuditEvents fhir;

    FhirExportResource(ObjectMapper json) {
        this.fhir = new FhirAuditEvents(json);
    }

    @GET
    @Produces({FHIR_JSON, "application/json"})
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Export a time range as FHIR R4 AuditEvents",
            description = "A Bundle of AuditEvent resources (IHE BALP); range [from, to) of at most 31 days, the last day by default.")
    public ObjectNode export(@QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        TimeRange range = TimeRange.of(from, to, MAX_RANGE);
        return fhir.bundle(AccessRecord.<AccessRecord>find("occurredAt >= ?1 and occurredAt < ?2 order by occurredAt, seq",
                range.from(), range.to()).list(), Instant.now());
    }
}
