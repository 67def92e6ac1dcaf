package org.civiclink.platform.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

/**
 * What a request touched, filled in by the resource as it learns it (a client id found by a
 * lookup, the records returned). The access filter reads it when the response is written.
 */
@RequestScoped
public class AuditContext {

    private final Set<String> clientIds = new LinkedHashSet<>();
    private final Set<String> recordIds = new LinkedHashSet<>();

    public AuditContext client(String clientId) {
        if (clientId != null) {
            clientIds.add(clientId);
        }
        return this;
    }

    public AuditContext record(String recordId) {
        if (recordId != null) {
            recordIds.add(recordId);
        }
        return this;
    }

    public List<String> clientIds() {
        return List.copyOf(clientIds);
    }

    public List<String> recordIds() {
        return List.copyOf(recordIds);
    }
}
