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
import org.civiclink.platform.security.Roles;

/**
 * The anomaly reports, computed on demand in the database. They look at people only: services
 * processing data on their own (role "system") legitimately touch many clients at any hour.
 */
@ApplicationScoped
public class AnomalyReports {

    /** After-hours findings are single accesses; a report is capped so one bad night stays readable. */
    public static final int MAX_FINDINGS = 1000;
    private static final String PEOPLE = "NOT ('" + Roles.SYSTEM + "' = ANY (actor_roles))";

    private final EntityManager em;
    private final AnomalySettings settings;

    AnomalyReports(EntityManager em, AnomalySettings settings) {
        this.em = em;
        this.settings = settings;
    }

    public List<Anomaly> report(AnomalyKind kind, Instant from, Instant to) {
        return switch (kind) {
            case BULK_ACCESS -> hourly(kind, "SELECT actor_subject, max(actor_agency), date_trunc('hour', occurred_at) AS hour, "
                    + "count(DISTINCT client) FROM access_event, unnest(client_ids) AS client "
                    + "WHERE outcome = 'PERMITTED' AND " + PEOPLE + " AND occurred_at >= :from AND occurred_at < :to "
                    + "GROUP BY actor_subject, hour HAVING count(DISTINCT client) > :threshold ORDER BY hour, actor_subject",
                    from, to, settings.bulkClientsPerHour());
            case REPEATED_DENIALS -> hourly(kind, "SELECT actor_subject, max(actor_agency), date_trunc('hour', occurred_at) AS hour, "
                    + "count(*) FROM access_event WHERE outcome = 'DENIED' AND " + PEOPLE
                    + " AND occurred_at >= :from AND occurred_at < :to "
                    + "GROUP BY actor_subject, hour HAVING count(*) >= :threshold ORDER BY hour, actor_subject",
                    from, to, settings.deniedPerHour());
            case AFTER_HOURS -> afterHours(from, to);
        };
    }

    @SuppressWarnings("unchecked")
    private List<Anomaly> hourly(AnomalyKind kind, String sql, Instant from, Instant to, int threshold) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to)
                .setParameter("threshold", threshold).setMaxResults(MAX_FINDINGS).getResultList();
        return rows.stream().map(r -> new Anomaly(kind.code(), (String) r[0], (String) r[1], instant(r[2]),
                ((Number) r[3]).longValue(), null, null, null, null, null)).toList();
    }

    private List<Anomaly> afterHours(Instant from, Instant to) {
        AnomalySettings.WorkingHours hours = settings.workingHours();
        // Working hours and days are judged in the configured zone; the SQL only narrows to people.
        List<AccessRecord> accesses = AccessRecord.find("occurredAt >= ?1 and occurredAt < ?2 and not array_contains(actorRoles, ?3) "
                + "order by occurredAt, seq", from, to, Roles.SYSTEM).list();
        return accesses.stream().filter(r -> outsideWorkingHours(r.occurredAt, hours)).limit(MAX_FINDINGS)
                .map(r -> new Anomaly(AnomalyKind.AFTER_HOURS.code(), r.actorSubject, r.actorAgency, null, null, r.eventId,
                        r.occurredAt, r.occurredAt.atZone(hours.zone()).toLocalDateTime().toString(), r.endpoint,
                        Arrays.asList(r.clientIds)))
                .toList();
    }

    static boolean outsideWorkingHours(Instant at, AnomalySettings.WorkingHours hours) {
        ZonedDateTime local = at.atZone(hours.zone());
        LocalTime time = local.toLocalTime();
        return !hours.days().contains(local.getDayOfWeek()) || time.isBefore(hours.start()) || !time.isBefore(hours.end());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
