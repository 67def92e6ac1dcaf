package org.civiclink.deploy;

/**
 * A failure the person at the terminal can act on (a busy port, a missing jar, a service that did
 * not come up). The launcher prints its message without a stack trace, so the message must say
 * what to do next.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
