package org.civiclink.simulator.quality;

/**
 * How well a predicted clustering of records matches the ground truth.
 *
 * <p>Pairwise figures count unordered pairs of records placed in the same cluster; B-cubed figures
 * average, over records, the share of a record's cluster that is truly the same person (precision) and
 * the share of the person's records that landed in the record's cluster (recall). A figure whose
 * denominator is zero (no predicted pairs, no true pairs) is reported as 1.0: nothing was claimed,
 * so nothing was claimed wrongly.
 *
 * @param records           records evaluated (every record of the ground truth)
 * @param unclustered       records of the ground truth that the prediction did not mention; each
 *                          counts as a cluster of its own
 * @param people            distinct people in the ground truth
 * @param clusters          distinct predicted clusters (unclustered records included as singletons)
 * @param truePairs         pairs of records that belong to the same person
 * @param predictedPairs    pairs of records placed in the same cluster
 * @param correctPairs      pairs that are both
 * @param mixedClusters     predicted clusters that hold records of two or more people (false merges)
 * @param splitPeople       people whose records are spread over two or more clusters (missed links)
 */
public record QualityReport(
        long records, long unclustered, long people, long clusters,
        long truePairs, long predictedPairs, long correctPairs,
        double pairwisePrecision, double pairwiseRecall, double pairwiseF1,
        double bcubedPrecision, double bcubedRecall, double bcubedF1,
        long mixedClusters, long splitPeople) {

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 1.0 : (double) numerator / denominator;
    }
}
