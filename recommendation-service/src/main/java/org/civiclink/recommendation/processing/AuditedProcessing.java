package org.civiclink.recommendation.processing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.civiclink.events.AccessEvent;
import org.civiclink.platform.audit.AccessEventPublisher;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Processing of personal data by the service itself (a linked event, a merge, a split): its PROCESS
 * AccessEvent goes to the broker while the work runs, and the work's transaction commits only once the
 * broker has it. So nothing is decided without its record, and the consumer thread does not sit idle for a
 * broker round trip (acks=all plus the producer's linger) before it can start.
 */
@ApplicationScoped
public class AuditedProcessing {

    @Inject
    AccessEventPublisher access;

    @Inject
    EventTransaction transaction;

    public void run(AccessEvent processing, Runnable work) {
        CompletableFuture<Void> recorded = CompletableFuture.runAsync(() -> access.publishAndWait(processing),
                Infrastructure.getDefaultWorkerPool());
        transaction.run(() -> {
            work.run();
            awaitRecorded(recorded);
        });
    }

    private static void awaitRecorded(CompletableFuture<Void> recorded) {
        try {
            recorded.join();
        } catch (CompletionException e) {
            // The audit's own failure (AuditUnavailableException), so the event is dead-lettered as before.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
