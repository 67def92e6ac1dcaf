package org.civiclink.recommendation.processing;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.civiclink.events.AccessEvent;
import org.civiclink.platform.audit.AccessEventPublisher;
import org.jboss.logging.Logger;

/**
 * Processing of personal data by the service itself (a linked event, a merge, a split): its PROCESS
 * AccessEvent goes to the broker while the work runs, and the work's transaction commits only once the
 * broker has it. So nothing is decided without its record, and the consumer thread does not sit idle for a
 * broker round trip (acks=all) before it can start.
 */
@ApplicationScoped
public class AuditedProcessing {

    private static final Logger LOG = Logger.getLogger(AuditedProcessing.class);

    /** One consumed event: what it records about its use of personal data, and the work itself. */
    public record Unit(AccessEvent access, Runnable work) {
    }

    /** A unit of {@link #runAll} that failed on its own, by its position in the list. */
    public record Failure(int index, RuntimeException cause) {
    }

    @Inject
    AccessEventPublisher access;

    @Inject
    EventTransaction transaction;

    @Inject
    EntityManager entityManager;

    public void run(AccessEvent processing, Runnable work) {
        // A failed audit (AuditUnavailableException) fails the event, which is dead-lettered as before.
        AccessEventPublisher.Sent recorded = access.send(processing);
        transaction.run(() -> {
            work.run();
            recorded.await();
        });
    }

    /**
     * Runs a poll's events in order in one transaction, with their AccessEvents sent together and awaited
     * once before the commit: one commit and one broker wait per poll instead of per event, which is what
     * lets one consumer keep up with a steady stream on few cores. If that transaction fails, each unit runs
     * again alone in its own, so a bad event fails only itself; those failures are returned.
     */
    public List<Failure> runAll(List<Unit> units) {
        if (units.size() <= 1) {
            return runAlone(units);
        }
        List<AccessEventPublisher.Sent> recorded = new ArrayList<>(units.size());
        units.forEach(unit -> recorded.add(access.send(unit.access())));
        try {
            transaction.run(() -> {
                for (Unit unit : units) {
                    unit.work().run();
                    // Each event's writes go now, so the persistence context stays one event's size
                    // (Hibernate dirty-checks all of it before every query).
                    entityManager.flush();
                    entityManager.clear();
                }
                recorded.forEach(AccessEventPublisher.Sent::await);
            });
            return List.of();
        } catch (RuntimeException e) {
            LOG.infof("A poll of %d events failed together (%s); running each alone", units.size(), e.toString());
            return runAlone(units);
        }
    }

    private List<Failure> runAlone(List<Unit> units) {
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            try {
                run(units.get(i).access(), units.get(i).work());
            } catch (RuntimeException e) {
                failures.add(new Failure(i, e));
            }
        }
        return failures;
    }
}
