package org.civiclink.linkage.engine;

import java.util.List;

/**
 * A client: the records believed to be one person. A client merged into another keeps its id as a
 * redirect ({@code mergedInto}) so that lookups by a retired id still find the person.
 */
public record Client(String clientId, List<String> recordIds, String mergedInto) {

    static Client active(String clientId, List<String> recordIds) {
        return new Client(clientId, List.copyOf(recordIds), null);
    }

    static Client retired(String clientId, String survivorId) {
        return new Client(clientId, List.of(), survivorId);
    }

    public boolean isRetired() {
        return mergedInto != null;
    }
}
