package org.civiclink.deploy.services;

import org.civiclink.deploy.StackException;

/** A service that exited or did not report ready in time; the message carries the tail of its log. */
public class ServiceNotReadyException extends StackException {

    private final ServiceSpec spec;

    public ServiceNotReadyException(ServiceSpec spec, String message) {
        super(message);
        this.spec = spec;
    }

    public ServiceSpec spec() {
        return spec;
    }
}
