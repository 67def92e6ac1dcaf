package org.civiclink.linkage.engine;

import java.util.Map;
import java.util.TreeMap;

/** A record's pair decisions by the other record's id; a later decision on a pair replaces the earlier. */
public record Decisions(Map<String, DecisionType> byOtherRecord) {

    static final Decisions NONE = new Decisions(Map.of());

    Decisions with(String otherRecordId, DecisionType type) {
        Map<String, DecisionType> all = new TreeMap<>(byOtherRecord);
        all.put(otherRecordId, type);
        return new Decisions(all);
    }

    boolean unlinked(String otherRecordId) {
        return byOtherRecord.get(otherRecordId) == DecisionType.UNLINK;
    }
}
