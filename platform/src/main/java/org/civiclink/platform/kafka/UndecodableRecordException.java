package org.civiclink.platform.kafka;

/**
 * A consumed record whose bytes could not be decoded (the deserializer left it null). Throwing it
 * nacks the record, which sends it to the channel's dead-letter topic.
 */
public class UndecodableRecordException extends RuntimeException {

    public UndecodableRecordException() {
        super("Record could not be decoded; see the deserialization failure headers");
    }
}
