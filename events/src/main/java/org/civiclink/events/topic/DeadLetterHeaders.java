package org.civiclink.events.topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers every dead letter carries. The value and key stay the original bytes, so nothing
 * is lost and a fixed consumer can replay the record as it was.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "civiclink.dlq.reason";
    public static final String SERVICE = "civiclink.dlq.service";
    public static final String SOURCE_TOPIC = "civiclink.dlq.source.topic";
    public static final String SOURCE_PARTITION = "civiclink.dlq.source.partition";
    public static final String SOURCE_OFFSET = "civiclink.dlq.source.offset";
    public static final String FAILED_AT = "civiclink.dlq.failed-at";

    private DeadLetterHeaders() {
    }

    public static Headers describe(String reason, String service, String sourceTopic, int partition, long offset) {
        Headers headers = new RecordHeaders();
        add(headers, REASON, reason);
        add(headers, SERVICE, service);
        add(headers, SOURCE_TOPIC, sourceTopic);
        add(headers, SOURCE_PARTITION, Integer.toString(partition));
        add(headers, SOURCE_OFFSET, Long.toString(offset));
        add(headers, FAILED_AT, Instant.now().toString());
        return headers;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
