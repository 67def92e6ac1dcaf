package org.civiclink.linkage.model.train;

import java.util.List;

import org.civiclink.linkage.model.compare.Comparison;
import org.civiclink.linkage.model.compare.LevelSpec;

/**
 * Expectation-maximisation of m and lambda over aggregated comparison vectors, with u held fixed (Splink's
 * approach: u from random sampling is more reliable than u from blocked pairs). Null levels carry no
 * information and are excluded from both the likelihood and the normalisation.
 */
final class Em {

    /** Smallest probability a level may get, so that no agreement or disagreement becomes impossible. */
    static final double FLOOR = 1e-6;

    private final double[][] m;
    private final double lambda;
    private final int iterations;

    private Em(double[][] m, double lambda, int iterations) {
        this.m = m;
        this.lambda = lambda;
        this.iterations = iterations;
    }

    double[][] m() {
        return m;
    }

    /** Share of candidate pairs that match. */
    double lambda() {
        return lambda;
    }

    int iterations() {
        return iterations;
    }

    static Em run(List<Comparison> comparisons, VectorCounts vectors, double[][] u, int maxIterations, double tolerance) {
        boolean[] all = new boolean[comparisons.size()];
        java.util.Arrays.fill(all, true);
        return run(comparisons, all, vectors, u, maxIterations, tolerance);
    }

    /**
     * EM over the active comparisons only: a session on pairs blocked by a rule leaves out the comparisons the
     * rule selects on, whose agreement there says nothing about m (Splink's training sessions).
     */
    static Em run(List<Comparison> comparisons, boolean[] active, VectorCounts vectors, double[][] u, int maxIterations,
            double tolerance) {
        int k = comparisons.size();
        double[][] m = new double[k][];
        for (int c = 0; c < k; c++) {
            m[c] = initialM(comparisons.get(c));
        }
        double lambda = 0.3;
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            double[][] sums = new double[k][];
            for (int c = 0; c < k; c++) {
                sums[c] = new double[m[c].length];
            }
            double[] matched = new double[1];
            double[][] current = m;
            double currentLambda = lambda;
            vectors.forEach((vector, count) -> {
                double pm = currentLambda;
                double pu = 1 - currentLambda;
                for (int c = 0; c < k; c++) {
                    int level = VectorCounts.level(vector, c);
                    if (active[c] && !comparisons.get(c).level(level).carriesNoWeight()) {
                        pm *= current[c][level];
                        pu *= u[c][level];
                    }
                }
                double posterior = pm / (pm + pu);
                double weight = count * posterior;
                matched[0] += weight;
                for (int c = 0; c < k; c++) {
                    sums[c][VectorCounts.level(vector, c)] += weight;
                }
            });
            double delta = 0;
            double[][] next = new double[k][];
            for (int c = 0; c < k; c++) {
                next[c] = active[c] ? normalize(comparisons.get(c), sums[c]) : m[c];
                for (int l = 0; l < next[c].length; l++) {
                    delta = Math.max(delta, Math.abs(next[c][l] - m[c][l]));
                }
            }
            m = next;
            lambda = Math.max(FLOOR, Math.min(1 - FLOOR, matched[0] / vectors.totalPairs()));
            if (delta < tolerance) {
                break;
            }
        }
        return new Em(m, lambda, iteration);
    }

    /** Starting m: the settings' values where present, else a decreasing ladder. */
    private static double[] initialM(Comparison comparison) {
        int levels = comparison.levelCount();
        double[] start = new double[levels];
        for (int l = 0; l < levels; l++) {
            LevelSpec level = comparison.level(l);
            start[l] = level.carriesNoWeight() ? 0 : level.m() != null ? level.m() : Math.pow(0.5, l + 1);
        }
        return normalize(comparison, start);
    }

    /** Probabilities over the non-null levels, floored; null levels get 1 (they contribute weight 0). */
    static double[] normalize(Comparison comparison, double[] values) {
        double total = 0;
        for (int l = 0; l < values.length; l++) {
            if (!comparison.level(l).carriesNoWeight()) {
                total += values[l];
            }
        }
        double[] p = new double[values.length];
        int nonNull = 0;
        for (int l = 0; l < values.length; l++) {
            if (!comparison.level(l).carriesNoWeight()) {
                nonNull++;
            }
        }
        for (int l = 0; l < values.length; l++) {
            if (comparison.level(l).carriesNoWeight()) {
                p[l] = 1;
            } else {
                p[l] = Math.max(FLOOR, total > 0 ? values[l] / total : 1.0 / nonNull);
            }
        }
        return p;
    }

    static double[] normalize(Comparison comparison, long[] counts) {
        double[] values = new double[counts.length];
        for (int l = 0; l < counts.length; l++) {
            // Half a pseudo-count: a level never seen among random pairs is rare, not impossible.
            values[l] = counts[l] + 0.5;
        }
        return normalize(comparison, values);
    }
}
