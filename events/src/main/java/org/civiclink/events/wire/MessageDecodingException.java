package org.civiclink.events.wire;

/** Bytes that are not a CivicLink Avro message this reader knows; the message says why. */
public class MessageDecodingException extends RuntimeException {

    public MessageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
