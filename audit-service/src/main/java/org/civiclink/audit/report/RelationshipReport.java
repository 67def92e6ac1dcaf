package org.civiclink.audit.report;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.civiclink.platform.api.PageRequest;
import org.civiclink.platform.security.Roles;

/**
 * The no-relationship report: permitted accesses by a person to a client for whom, at the moment of
 * the access, the person (subject and agency) had no caseworker assignment and the person's agency
 * had no open referral. Client ids on both sides are first mapped to today's surviving id, so a
 * relationship recorded before a merge counts for the merged client. Services (role "system") and
 * compliance officers' reads are exempt: neither works through assignments or referrals.
 * Relationships are evaluated when the report is asked for, not when the access is stored, so an
 * assignment or referral that reaches audit-service after the access still counts.
 */
@ApplicationScoped
public class RelationshipReport {

    private static final String UNRELATED = "WITH touched AS ("
            + " SELECT a.seq, a.event_id, a.occurred_at, a.actor_subject, a.actor_agency, a.endpoint, a.purpose_of_use,"
            + "        c.client_id, coalesce(m.survivor_id, c.client_id) AS person"
            + " FROM access_event a CROSS JOIN LATERAL unnest(a.client_ids) AS c(client_id)"
            + " LEFT JOIN client_merge m ON m.retired_id = c.client_id"
            + " WHERE a.outcome = 'PERMITTED' AND a.occurred_at >= :from AND a.occurred_at < :to"
            + "   AND NOT ('" + Roles.SYSTEM + "' = ANY (a.actor_roles))"
            + "   AND NOT ('" + Roles.COMPLIANCE_OFFICER + "' = ANY (a.actor_roles) AND a.action = 'READ')"
            + "), unrelated AS ("
            + " SELECT t.* FROM touched t"
            + " WHERE NOT EXISTS ("
            + "   SELECT 1 FROM referral_opened r LEFT JOIN client_merge rm ON rm.retired_id = r.client_id"
            + "   WHERE coalesce(rm.survivor_id, r.client_id) = t.person AND r.team = t.actor_agency AND r.opened_at <= t.occurred_at"
            + "     AND NOT EXISTS (SELECT 1 FROM referral_closed rc WHERE rc.referral_id = r.referral_id AND rc.closed_at <= t.occurred_at))"
            + " AND NOT EXISTS ("
            + "   SELECT 1 FROM caseworker_assignment s LEFT JOIN client_merge sm ON sm.retired_id = s.client_id"
            + "   WHERE coalesce(sm.survivor_id, s.client_id) = t.person AND s.subject = t.actor_subject"
            + "     AND s.agency_code = t.actor_agency AND s.assigned AND s.effective_at <= t.occurred_at"
            + "     AND NOT EXISTS ("
            + "       SELECT 1 FROM caseworker_assignment e LEFT JOIN client_merge em ON em.retired_id = e.client_id"
            + "       WHERE coalesce(em.survivor_id, e.client_id) = t.person AND e.subject = s.subject"
            + "         AND e.agency_code = s.agency_code AND NOT e.assigned"
            + "         AND e.effective_at > s.effective_at AND e.effective_at <= t.occurred_at))"
            + ") SELECT seq, event_id, occurred_at, actor_subject, actor_agency, endpoint, purpose_of_use,"
            + "   string_agg(client_id, :separator ORDER BY client_id) AS clients"
            + " FROM unrelated GROUP BY seq, event_id, occurred_at, actor_subject, actor_agency, endpoint, purpose_of_use";

    private final EntityManager em;

    RelationshipReport(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    AnomalyPage withoutRelationship(Instant from, Instant to, PageRequest paging) {
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM (" + UNRELATED + ") AS findings")
                .setParameter("from", from).setParameter("to", to).setParameter("separator", AnomalyReports.separator())
                .getSingleResult()).longValue();
        List<Object[]> rows = em.createNativeQuery(UNRELATED + " ORDER BY occurred_at, seq")
                .setParameter("from", from).setParameter("to", to).setParameter("separator", AnomalyReports.separator())
                .setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size()).getResultList();
        return new AnomalyPage(rows.stream().map(r -> new Anomaly(AnomalyKind.NO_RELATIONSHIP.code(), (String) r[3], (String) r[4],
                null, null, (String) r[1], AnomalyReports.instant(r[2]), null, (String) r[5], AnomalyReports.split(r[7]),
                (String) r[6])).toList(), total);
    }
}
