package org.civiclink.audit.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.events.AccessEvent;
import org.civiclink.platform.kafka.UndecodableRecordException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Stores AccessEvents idempotently by event id: a redelivered event (after a crash before the
 * offset commit) finds its row and is skipped. Events with one id share a key, hence a
 * partition, so they never race each other.
 */
@ApplicationScoped
public class AccessEventIngestor {

    @Incoming("access-events")
    @Blocking(ordered = true)
    @Transactional
    public void store(AccessEvent event) {
        if (event == null) {
            throw new UndecodableRecordException();
        }
        if (AccessRecord.findById(event.getEventId()) != null) {
            return;
        }
        AccessRecordMapper.toRecord(event).persist();
    }
}
