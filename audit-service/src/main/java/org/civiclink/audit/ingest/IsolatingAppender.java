package org.civiclink.audit.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.civiclink.audit.chain.ChainAppender;
import org.civiclink.events.AccessEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Appends a poll's AccessEvents in one transaction; when the database refuses that batch for its
 * data ({@link StorageRejection}), appends them again one by one, each in its own transaction, so
 * that only the events it refuses on their own are left out and one poison event cannot stall
 * ingestion. A refused event's transaction rolls back before its sequence number is committed,
 * and every transaction reads the chain head under the chain lock, so the chain stays gapless.
 *
 * <p>Any other failure is thrown: the caller retries the whole poll, and the events already
 * appended one by one are then recognised by id and skipped.
 */
@ApplicationScoped
public class IsolatingAppender {

    private final ChainAppender chain;

    IsolatingAppender(ChainAppender chain) {
        this.chain = chain;
    }

    /** An item whose event the database refused, and why. */
    public record Refused<T>(T item, StorageRejection rejection) {
    }

    /** Appends the items' events in the order given and returns those the database refused. */
    public <T> List<Refused<T>> append(List<T> items, Function<T, AccessEvent> eventOf) {
        try {
            appendInNewTransaction(items.stream().map(eventOf).toList());
            return List.of();
        } catch (RuntimeException batchFailure) {
            StorageRejection rejection = StorageRejection.in(batchFailure).orElseThrow(() -> batchFailure);
            if (items.size() == 1) {
                return List.of(new Refused<>(items.get(0), rejection));
            }
            return appendOneByOne(items, eventOf);
        }
    }

    private <T> List<Refused<T>> appendOneByOne(List<T> items, Function<T, AccessEvent> eventOf) {
        List<Refused<T>> refused = new ArrayList<>();
        for (T item : items) {
            try {
                appendInNewTransaction(List.of(eventOf.apply(item)));
            } catch (RuntimeException failure) {
                refused.add(new Refused<>(item, StorageRejection.in(failure).orElseThrow(() -> failure)));
            }
        }
        return refused;
    }

    private void appendInNewTransaction(List<AccessEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> chain.appendAll(events));
    }
}
