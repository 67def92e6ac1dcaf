package org.civiclink.linkage.model.train;

import java.util.List;
import java.util.SplittableRandom;

import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.StandardizedRecord;
import org.civiclink.linkage.model.compare.Comparison;

/** u probabilities from random record pairs: almost all random pairs are different people. */
final class UEstimator {

    private UEstimator() {
    }

    static double[][] estimate(List<Comparison> comparisons, List<StandardizedRecord> records, GenericValues generic,
            int pairs, SplittableRandom random) {
        long[][] counts = new long[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            counts[c] = new long[comparisons.get(c).levelCount()];
        }
        int n = records.size();
        for (int p = 0; p < pairs; p++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            if (j >= i) {
                j++;
            }
            StandardizedRecord a = records.get(i);
            StandardizedRecord b = records.get(j);
            for (int c = 0; c < comparisons.size(); c++) {
                counts[c][comparisons.get(c).levelOf(a, b, generic)]++;
            }
        }
        double[][] u = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            u[c] = Em.normalize(comparisons.get(c), counts[c]);
        }
        return u;
    }
}
