package org.civiclink.linkage.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.civiclink.linkage.model.EvidenceValue;
import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.StandardizedRecord;

/**
 * Decides which SSNs, phones and addresses are shared by too many different people to count as
 * evidence. A value is generic exactly when its current holders have more distinct identity keys
 * than the model's limit, so the outcome depends on the set of records held, not on the order they
 * came in. Holders are tracked up to {@link LinkageModel#maxBlockSize()} records per value; a value
 * that ever had more is saturated and stays generic (the one way genericity remembers the past).
 */
final class Genericity {

    private final LinkageModel model;
    private final Table<EvidenceUsage> usage;

    Genericity(LinkageModel model, Table<EvidenceUsage> usage) {
        this.model = model;
        this.usage = usage;
    }

    /**
     * Counts the record's values. Returns the other records that hold a value whose genericity has
     * just changed: their links were built with or without that value as evidence and must be
     * recomputed.
     */
    Set<String> register(StandardizedRecord record) {
        Set<String> relink = new LinkedHashSet<>();
        String identity = model.identityKey(record);
        for (EvidenceValue value : model.evidenceValues(record)) {
            String key = key(value);
            EvidenceUsage current = usage.get(key);
            if (current != null && current.saturated()) {
                continue;
            }
            Map<String, String> holders = current == null ? new TreeMap<>() : new TreeMap<>(current.identityByRecord());
            holders.put(record.recordId(), identity);
            boolean wasGeneric = current != null && current.generic();
            EvidenceUsage next = holders.size() > model.maxBlockSize()
                    ? EvidenceUsage.SATURATED
                    : usage(value, holders);
            usage.put(key, next);
            if (next.generic() != wasGeneric) {
                holders.keySet().stream().filter(id -> !id.equals(record.recordId())).forEach(relink::add);
            }
        }
        return relink;
    }

    /**
     * Forgets the record (it was corrected or withdrawn). Returns the remaining holders of values that
     * have just stopped being generic.
     */
    Set<String> unregister(StandardizedRecord record) {
        Set<String> relink = new LinkedHashSet<>();
        for (EvidenceValue value : model.evidenceValues(record)) {
            String key = key(value);
            EvidenceUsage current = usage.get(key);
            if (current == null || current.saturated() || !current.identityByRecord().containsKey(record.recordId())) {
                continue;
            }
            Map<String, String> holders = new TreeMap<>(current.identityByRecord());
            holders.remove(record.recordId());
            if (holders.isEmpty()) {
                usage.delete(key);
                continue;
            }
            EvidenceUsage next = usage(value, holders);
            usage.put(key, next);
            if (next.generic() != current.generic()) {
                relink.addAll(holders.keySet());
            }
        }
        return relink;
    }

    /** A view for one engine step; memoized because the scorer asks about the same values again and again. */
    GenericValues view() {
        Map<EvidenceValue, Boolean> memo = new HashMap<>();
        return value -> memo.computeIfAbsent(value, v -> {
            EvidenceUsage found = usage.get(key(v));
            return found != null && found.generic();
        });
    }

    private EvidenceUsage usage(EvidenceValue value, Map<String, String> holders) {
        EvidenceUsage counted = new EvidenceUsage(false, false, holders);
        return counted.distinctIdentities() > model.genericLimit(value.field())
                ? new EvidenceUsage(true, false, holders)
                : counted;
    }

    private static String key(EvidenceValue value) {
        return value.field() + ":" + value.value();
    }
}
