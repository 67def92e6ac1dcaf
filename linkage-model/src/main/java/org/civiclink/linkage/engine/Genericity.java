package org.civiclink.linkage.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civiclink.linkage.model.EvidenceValue;
import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.StandardizedRecord;

/**
 * Decides which SSNs, phones and addresses are shared by too many different people to count as
 * evidence. The decision is sticky: a value, once generic, stays generic, so the outcome depends on
 * the set of records seen, not on the order they came in.
 */
final class Genericity {

    private final LinkageModel model;
    private final Table<EvidenceUsage> usage;

    Genericity(LinkageModel model, Table<EvidenceUsage> usage) {
        this.model = model;
        this.usage = usage;
    }

    /**
     * Counts the record's values. Returns the other records that hold a value that has just turned
     * generic: their links were built with that value as evidence and must be recomputed.
     */
    Set<String> register(StandardizedRecord record) {
        Set<String> relink = new LinkedHashSet<>();
        String identity = model.identityKey(record);
        for (EvidenceValue value : model.evidenceValues(record)) {
            String key = key(value);
            EvidenceUsage current = usage.get(key);
            if (current == null) {
                usage.put(key, new EvidenceUsage(false, List.of(identity), List.of(record.recordId())));
                continue;
            }
            if (current.generic()) {
                continue;
            }
            List<String> identities = current.identityKeys();
            if (!identities.contains(identity)) {
                identities = append(identities, identity);
            }
            if (identities.size() > model.genericLimit(value.field())) {
                usage.put(key, EvidenceUsage.GENERIC);
                current.recordIds().stream().filter(id -> !id.equals(record.recordId())).forEach(relink::add);
            } else {
                List<String> ids = current.recordIds().contains(record.recordId())
                        ? current.recordIds() : append(current.recordIds(), record.recordId());
                usage.put(key, new EvidenceUsage(false, identities, ids));
            }
        }
        return relink;
    }

    /** Forgets the record (it was corrected or withdrawn); identity counts stay, as genericity is sticky. */
    void unregister(StandardizedRecord record) {
        for (EvidenceValue value : model.evidenceValues(record)) {
            String key = key(value);
            EvidenceUsage current = usage.get(key);
            if (current != null && !current.generic() && current.recordIds().contains(record.recordId())) {
                List<String> ids = new ArrayList<>(current.recordIds());
                ids.remove(record.recordId());
                usage.put(key, new EvidenceUsage(false, current.identityKeys(), ids));
            }
        }
    }

    /** A view for one engine step; memoized because the scorer asks about the same values again and again. */
    GenericValues view() {
        Map<EvidenceValue, Boolean> memo = new HashMap<>();
        return value -> memo.computeIfAbsent(value, v -> {
            EvidenceUsage found = usage.get(key(v));
            return found != null && found.generic();
        });
    }

    private static String key(EvidenceValue value) {
        return value.field() + ":" + value.value();
    }

    private static List<String> append(List<String> list, String element) {
        List<String> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return copy;
    }
}
