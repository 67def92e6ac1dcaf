package org.civiclink.linkage.model.train;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Comparison vectors (one 4-bit level index per comparison, packed in a long) with how often each occurred. */
final class VectorCounts {

    private final Map<Long, long[]> counts = new HashMap<>();
    private long total;
    private long conflicts;

    void skipConflict() {
        conflicts++;
    }

    long conflicts() {
        return conflicts;
    }

    void add(long vector) {
        counts.computeIfAbsent(vector, v -> new long[1])[0]++;
        total++;
    }

    long totalPairs() {
        return total;
    }

    int size() {
        return counts.size();
    }

    void forEach(BiConsumer<Long, Long> action) {
        // Sorted iteration keeps the floating-point sums, and so the trained model, deterministic.
        new java.util.TreeMap<>(counts).forEach((vector, n) -> action.accept(vector, n[0]));
    }

    static int level(long vector, int comparison) {
        return (int) ((vector >>> (4 * comparison)) & 0xF);
    }
}
