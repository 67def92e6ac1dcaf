package org.civiclink.deploy.simulate;

import org.civiclink.simulator.records.SourceRecord;

/** Sends simulated records to a running stack as intake events, paced; REST and Kafka implement it. */
public interface IntakePublisher extends AutoCloseable {

    /** Blocks until the record is due, then sends it without waiting for the answer. */
    void publish(SourceRecord record);

    /** Waits for the sends in flight and summarises. */
    Summary finish();

    @Override
    void close();

    /** What a publisher reports; latency is from each event's due time to its answer (HTTP response or broker ack). */
    interface Summary {
        long sent();

        long failures();

        double seconds();

        double p50Millis();

        double p99Millis();

        double maxMillis();

        /** Outcome counts for people, e.g. "HTTP statuses {202=100}" or "acknowledged 100". */
        String outcomes();

        default double perSecond() {
            return seconds() == 0 ? 0 : sent() / seconds();
        }
    }
}
