package org.civiclink.recommendation.processing;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs one consumed event's work in one database transaction, and runs it again when it collided with a
 * concurrent transaction. Linked events, client updates and several consumer threads may touch one client at
 * once; {@code SELECT ... FOR UPDATE} only locks rows that exist, so two of them can both find no open
 * referral for a need and both insert one. The partial unique index {@code referral_one_open_per_need}
 * rejects the second. Running the loser again re-reads the client's open referrals, now with the winner's,
 * so it treats that one as the existing open referral: no duplicate, and no dead letter for a lost race.
 * Any other unique violation (the same intake event stored by two threads) and a deadlock are resolved the
 * same way, since everything the work writes is decided from what it reads first.
 */
@ApplicationScoped
public class EventTransaction {

    private static final Logger LOG = Logger.getLogger(EventTransaction.class);

    /** PostgreSQL's unique_violation and deadlock_detected: both mean "another transaction got there first". */
    static final String UNIQUE_VIOLATION = "23505";
    static final String DEADLOCK = "40P01";
    /** A conflict that persists this often is not a race but a fault, and the event is dead-lettered. */
    static final int ATTEMPTS = 3;

    @Inject
    EntityManager entityManager;

    public void run(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    work.run();
                    // Written now rather than at commit, so that a conflict arrives here as an exception of the work.
                    entityManager.flush();
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !lostRace(e)) {
                    throw e;
                }
                LOG.debugf("Concurrent transaction got there first (attempt %d), reading again: %s", attempt, e.getMessage());
            }
        }
    }

    /** Whether the failure was the database refusing a write a concurrent transaction made first. */
    static boolean lostRace(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState()) || DEADLOCK.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
