package org.civiclink.platform.audit;

/** The access could not be recorded, so the data must not be released. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(Throwable cause) {
        super("Access event could not be recorded: " + cause.getMessage(), cause);
    }
}
