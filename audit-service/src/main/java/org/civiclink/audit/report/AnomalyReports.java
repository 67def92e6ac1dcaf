package org.civiclink.audit.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.security.Roles;

/**
 * The anomaly reports, computed on demand in the database. They look at people only: services
 * processing data on their own (role "system") legitimately touch many clients at any hour.
 */
@ApplicationScoped
public class AnomalyReports {

    private static final String PEOPLE = "NOT ('" + Roles.SYSTEM + "' = ANY (actor_roles))";
    /** Separates client ids in one aggregated column; ids never contain it. */
    private static final String SEPARATOR = "\u001f";

    private final EntityManager em;
    private final AnomalySettings settings;
    private final RelationshipReport relationships;

    AnomalyReports(EntityManager em, AnomalySettings settings, RelationshipReport relationships) {
        this.em = em;
        this.settings = settings;
        this.relationships = relationships;
    }

    public AnomalyPage report(AnomalyKind kind, Instant from, Instant to, PageRequest paging) {
        return switch (kind) {
            case BULK_ACCESS -> hourly(kind, "SELECT actor_subject, max(actor_agency), date_trunc('hour', occurred_at) AS hour, "
                    + "count(DISTINCT client) FROM access_event, unnest(client_ids) AS client "
                    + "WHERE outcome = 'PERMITTED' AND " + PEOPLE + " AND occurred_at >= :from AND occurred_at < :to "
                    + "GROUP BY actor_subject, hour HAVING count(DISTINCT client) > :threshold",
                    from, to, settings.bulkClientsPerHour(), paging);
            case REPEATED_DENIALS -> hourly(kind, "SELECT actor_subject, max(actor_agency), date_trunc('hour', occurred_at) AS hour, "
                    + "count(*) FROM access_event WHERE outcome = 'DENIED' AND " + PEOPLE
                    + " AND occurred_at >= :from AND occurred_at < :to "
                    + "GROUP BY actor_subject, hour HAVING count(*) >= :threshold",
                    from, to, settings.deniedPerHour(), paging);
            case AFTER_HOURS -> afterHours(from, to, paging);
            case NO_RELATIONSHIP -> relationships.withoutRelationship(from, to, paging);
        };
    }

    @SuppressWarnings("unchecked")
    private AnomalyPage hourly(AnomalyKind kind, String sql, Instant from, Instant to, int threshold, PageRequest paging) {
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM (" + sql + ") AS findings")
                .setParameter("from", from).setParameter("to", to).setParameter("threshold", threshold).getSingleResult()).longValue();
        List<Object[]> rows = em.createNativeQuery(sql + " ORDER BY hour, actor_subject").setParameter("from", from).setParameter("to", to)
                .setParameter("threshold", threshold).setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size())
                .getResultList();
        return new AnomalyPage(rows.stream().map(r -> new Anomaly(kind.code(), (String) r[0], (String) r[1], instant(r[2]),
                ((Number) r[3]).longValue(), null, null, null, null, null, null)).toList(), total);
    }

    private AnomalyPage afterHours(Instant from, Instant to, PageRequest paging) {
        AnomalySettings.WorkingHours hours = settings.workingHours();
        // Working hours and days are judged in the configured zone; the SQL only narrows to people.
        List<AccessRecord> outside = AccessRecord.<AccessRecord>find("occurredAt >= ?1 and occurredAt < ?2 "
                        + "and not array_contains(actorRoles, ?3) order by occurredAt, seq", from, to, Roles.SYSTEM)
                .stream().filter(r -> outsideWorkingHours(r.occurredAt, hours)).toList();
        List<Anomaly> findings = outside.stream().skip((long) paging.page() * paging.size()).limit(paging.size())
                .map(r -> new Anomaly(AnomalyKind.AFTER_HOURS.code(), r.actorSubject, r.actorAgency, null, null, r.eventId,
                        r.occurredAt, r.occurredAt.atZone(hours.zone()).toLocalDateTime().toString(), r.endpoint,
                        Arrays.asList(r.clientIds), r.purposeOfUse))
                .toList();
        return new AnomalyPage(findings, outside.size());
    }

    static boolean outsideWorkingHours(Instant at, AnomalySettings.WorkingHours hours) {
        ZonedDateTime local = at.atZone(hours.zone());
        LocalTime time = local.toLocalTime();
        return !hours.days().contains(local.getDayOfWeek()) || time.isBefore(hours.start()) || !time.isBefore(hours.end());
    }

    static List<String> split(Object aggregated) {
        return aggregated == null ? List.of() : List.of(aggregated.toString().split(SEPARATOR));
    }

    static String separator() {
        return SEPARATOR;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
