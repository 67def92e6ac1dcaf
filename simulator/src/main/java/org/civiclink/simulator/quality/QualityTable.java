package org.civiclink.simulator.quality;

import java.util.Locale;

/** Renders a {@link QualityReport} as an aligned plain-text table for terminals and docs. */
public final class QualityTable {

    private QualityTable() {
    }

    public static String format(QualityReport r) {
        StringBuilder out = new StringBuilder();
        row(out, "records", Long.toString(r.records()));
        row(out, "records without a cluster", Long.toString(r.unclustered()));
        row(out, "people (ground truth)", Long.toString(r.people()));
        row(out, "clusters (predicted)", Long.toString(r.clusters()));
        row(out, "pairs true / predicted / correct",
                r.truePairs() + " / " + r.predictedPairs() + " / " + r.correctPairs());
        row(out, "pairwise precision", decimal(r.pairwisePrecision()));
        row(out, "pairwise recall", decimal(r.pairwiseRecall()));
        row(out, "pairwise F1", decimal(r.pairwiseF1()));
        row(out, "B-cubed precision", decimal(r.bcubedPrecision()));
        row(out, "B-cubed recall", decimal(r.bcubedRecall()));
        row(out, "B-cubed F1", decimal(r.bcubedF1()));
        row(out, "clusters mixing people", Long.toString(r.mixedClusters()));
        row(out, "people split over clusters", Long.toString(r.splitPeople()));
        return out.toString();
    }

    /** Four decimals: enough to see a handful of errors in a million pairs without false precision. */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-34s %s%n", label, value));
    }
}
