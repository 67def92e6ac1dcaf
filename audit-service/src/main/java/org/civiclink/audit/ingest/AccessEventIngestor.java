package org.civiclink.audit.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.civiclink.audit.chain.ChainAppender;
import org.civiclink.events.AccessEvent;
import org.civiclink.platform.kafka.UndecodableRecordException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Stores AccessEvents effectively once. The row and its place in the chain commit in one
 * transaction before the message is acknowledged, and the offset is committed only after the
 * acknowledgement; a crash in between redelivers the event, which the appender recognises by its
 * id and skips. At-least-once delivery plus an idempotent append: nothing lost, nothing doubled.
 */
@ApplicationScoped
public class AccessEventIngestor {

    private final ChainAppender chain;

    AccessEventIngestor(ChainAppender chain) {
        this.chain = chain;
    }

    @Incoming("access-events")
    @Blocking(ordered = true)
    @Transactional
    public void store(AccessEvent event) {
        if (event == null) {
            throw new UndecodableRecordException();
        }
        chain.append(event);
    }
}
