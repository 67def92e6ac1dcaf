package org.civiclink.simulator.names;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Values drawn in proportion to their weights, so common names are common in the output too. */
public final class WeightedList<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Integer> cumulative = new ArrayList<>();
    private int total;

    public void add(T value, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + value);
        }
        total += weight;
        values.add(value);
        cumulative.add(total);
    }

    public T pick(SplittableRandom random) {
        int target = random.nextInt(total);
        int low = 0;
        int high = cumulative.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative.get(middle) > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return values.get(low);
    }

    public int size() {
        return values.size();
    }
}
