package org.civiclink.linkage.engine;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who holds one SSN, phone or address: each holding record with its identity key (a rough "which
 * person", see LinkageModel.identityKey). When more distinct identity keys hold it than the model's
 * limit, the value is {@code generic} — a shelter's address, an agency's phone, a placeholder SSN —
 * and is no evidence; it stops being generic again when corrections or withdrawals bring the count
 * back down.
 *
 * <p>The holders are tracked only up to a bound (the model's maximum block size), so that the
 * work per event does not grow with a value's users: beyond it the value is {@code saturated},
 * forgets its holders and stays generic for good.
 *
 * @param identityByRecord holding record id -> its identity key, sorted by record id
 */
public record EvidenceUsage(boolean generic, boolean saturated, Map<String, String> identityByRecord) {

    static final EvidenceUsage SATURATED = new EvidenceUsage(true, true, Map.of());

    public EvidenceUsage {
        identityByRecord = Collections.unmodifiableMap(new TreeMap<>(identityByRecord));
    }

    int distinctIdentities() {
        return new HashSet<>(identityByRecord.values()).size();
    }
}
