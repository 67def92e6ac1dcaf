package org.civiclink.audit.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.civiclink.audit.report.Anomaly;
import org.civiclink.audit.report.AnomalyKind;
import org.civiclink.audit.report.AnomalyPage;
import org.civiclink.audit.report.AnomalyReports;
import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.audit.AuditContext;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.PersonalData;
import org.civiclink.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/audit/anomalies")
@Produces(MediaType.APPLICATION_JSON)
public class AnomalyResource {

    private static final Duration MAX_RANGE = Duration.ofDays(31);

    private final AnomalyReports reports;
    private final AuditContext audit;

    AnomalyResource(AnomalyReports reports, AuditContext audit) {
        this.reports = reports;
        this.audit = audit;
    }

    private static final int MAX_PAGE_SIZE = 500;

    /** One page of findings; {@code total} counts every finding of the report. */
    public record AnomalyReport(String kind, Instant from, Instant to, int page, int size, long total, List<Anomaly> findings) {
    }

    @GET
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @PersonalData(categories = {"access-trail"})
    @Operation(summary = "Anomaly report", description = "kind: bulk-access, after-hours, repeated-denials or no-relationship; range [from, to) of at most 31 days, "
            + "the last day by default; paged (size at most 500).")
    public AnomalyReport report(@QueryParam("kind") String kind, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        AnomalyKind parsed = AnomalyKind.parse(kind).orElseThrow(() -> new ProblemException(
                Problem.of(400, "unknown-anomaly-kind", "Unknown anomaly kind", "Name one of the anomaly reports.")
                        .withInvalidParams(List.of(new Problem.InvalidParam("kind", "must be one of "
                                + String.join(", ", Arrays.stream(AnomalyKind.values()).map(AnomalyKind::code).toList()))))));
        TimeRange range = TimeRange.of(from, to, MAX_RANGE);
        PageRequest paging = PageRequest.of(page, size, MAX_PAGE_SIZE);
        AnomalyPage found = reports.report(parsed, range.from(), range.to(), paging);
        // The officer now knows these clients were accessed: that read belongs in their accounting of disclosures.
        found.findings().stream().filter(f -> f.clientIds() != null).flatMap(f -> f.clientIds().stream()).distinct()
                .forEach(audit::client);
        return new AnomalyReport(parsed.code(), range.from(), range.to(), paging.page(), paging.size(), found.total(), found.findings());
    }
}
