package org.civiclink.recommendation.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.civiclink.events.AccessEvent;
import org.civiclink.platform.audit.AccessEventPublisher;

/**
 * Processing of personal data by the service itself (a linked event, a merge, a split): its PROCESS
 * AccessEvent goes to the broker while the work runs, and the work's transaction commits only once the
 * broker has it. So nothing is decided without its record, and the consumer thread does not sit idle for a
 * broker round trip (acks=all) before it can start.
 */
@ApplicationScoped
public class AuditedProcessing {

    @Inject
    AccessEventPublisher access;

    @Inject
    EventTransaction transaction;

    public void run(AccessEvent processing, Runnable work) {
        // A failed audit (AuditUnavailableException) fails the event, which is dead-lettered as before.
        AccessEventPublisher.Sent recorded = access.send(processing);
        transaction.run(() -> {
            work.run();
            recorded.await();
        });
    }
}
