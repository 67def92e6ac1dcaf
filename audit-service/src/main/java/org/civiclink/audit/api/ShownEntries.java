package org.civiclink.audit.api;

import java.util.List;

import org.civiclink.audit.trail.AccessRecord;
import org.civiclink.platform.audit.AuditContext;

/**
 * Trail entries about to be shown to an officer. An entry tells who used which client's data, so showing it
 * discloses those clients: the read's own AccessEvent must name them, or the officer's review would be missing
 * from the clients' accounting of disclosures.
 */
final class ShownEntries {

    private ShownEntries() {
    }

    static List<AccessRecord> recordedIn(AuditContext audit, List<AccessRecord> entries) {
        for (AccessRecord entry : entries) {
            for (String clientId : entry.clientIds) {
                audit.client(clientId);
            }
        }
        return entries;
    }
}
