package org.civiclink.simulator.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Hand-made clusterings whose figures are worked out in the comments. The shared truth:
 * person A = {r1, r2, r3}, person B = {r4, r5}, person C = {r6}; true pairs = 3 + 1 + 0 = 4.
 */
class LinkageQualityTest {

    private static final double EPS = 1e-12;

    private static final Map<String, String> TRUTH = Map.of(
            "r1", "A", "r2", "A", "r3", "A",
            "r4", "B", "r5", "B",
            "r6", "C");

    @Test
    void oneRecordOnTheWrongSideOfAMerge() {
        // Predicted X = {r1, r2}, Y = {r3, r4, r5}, Z = {r6}.
        // Cells: (X,A)=2 (Y,A)=1 (Y,B)=2 (Z,C)=1. Correct pairs = 1 + 0 + 1 + 0 = 2.
        // Predicted pairs = 1 + 3 + 0 = 4 -> precision 2/4, recall 2/4, F1 0.5.
        // B-cubed precision per record: r1 2/2, r2 2/2, r3 1/3, r4 2/3, r5 2/3, r6 1 -> 14/3 over 6 = 7/9.
        // B-cubed recall per record:    r1 2/3, r2 2/3, r3 1/3, r4 2/2, r5 2/2, r6 1 -> 14/3 over 6 = 7/9.
        // Y mixes A and B; A is split over X and Y.
        QualityReport r = LinkageQuality.measure(TRUTH, Map.of(
                "r1", "X", "r2", "X", "r3", "Y", "r4", "Y", "r5", "Y", "r6", "Z"));

        assertEquals(6, r.records());
        assertEquals(3, r.people());
        assertEquals(3, r.clusters());
        assertEquals(4, r.truePairs());
        assertEquals(4, r.predictedPairs());
        assertEquals(2, r.correctPairs());
        assertEquals(0.5, r.pairwisePrecision(), EPS);
        assertEquals(0.5, r.pairwiseRecall(), EPS);
        assertEquals(0.5, r.pairwiseF1(), EPS);
        assertEquals(7.0 / 9, r.bcubedPrecision(), EPS);
        assertEquals(7.0 / 9, r.bcubedRecall(), EPS);
        assertEquals(7.0 / 9, r.bcubedF1(), EPS);
        assertEquals(1, r.mixedClusters());
        assertEquals(1, r.splitPeople());
    }

    @Test
    void perfectClusteringScoresOneEverywhere() {
        // Cluster ids differ from person ids; only the partition matters.
        QualityReport r = LinkageQuality.measure(TRUTH, Map.of(
                "r1", "c9", "r2", "c9", "r3", "c9", "r4", "c7", "r5", "c7", "r6", "c1"));

        assertEquals(4, r.correctPairs());
        assertEquals(1.0, r.pairwisePrecision(), EPS);
        assertEquals(1.0, r.pairwiseRecall(), EPS);
        assertEquals(1.0, r.bcubedF1(), EPS);
        assertEquals(0, r.mixedClusters());
        assertEquals(0, r.splitPeople());
    }

    @Test
    void noPredictionLeavesEveryRecordAlone() {
        // All six records are unclustered singletons: no predicted pairs -> precision 1 by convention,
        // recall 0/4 = 0, F1 0. B-cubed precision 1 for every record; B-cubed recall:
        // A's records 1/3 each (sum 1), B's 1/2 each (sum 1), C's 1 -> 3 over 6 = 0.5; F1 = 2*0.5/1.5 = 2/3.
        QualityReport r = LinkageQuality.measure(TRUTH, Map.of());

        assertEquals(6, r.unclustered());
        assertEquals(6, r.clusters());
        assertEquals(0, r.predictedPairs());
        assertEquals(1.0, r.pairwisePrecision(), EPS);
        assertEquals(0.0, r.pairwiseRecall(), EPS);
        assertEquals(0.0, r.pairwiseF1(), EPS);
        assertEquals(1.0, r.bcubedPrecision(), EPS);
        assertEquals(0.5, r.bcubedRecall(), EPS);
        assertEquals(2.0 / 3, r.bcubedF1(), EPS);
        assertEquals(0, r.mixedClusters());
        assertEquals(2, r.splitPeople());
    }

    @Test
    void everythingInOneClusterIsOneBigFalseMerge() {
        // One cluster of 6: predicted pairs 15, correct 4 -> precision 4/15, recall 1, F1 = 2*(4/15)/(19/15) = 8/19.
        // B-cubed precision: A's 3 records 3/6 each (1.5), B's 2 records 2/6 each (2/3), C 1/6 -> 7/3 over 6 = 7/18.
        // B-cubed recall 1; B-cubed F1 = 2*(7/18)/(25/18) = 14/25.
        Map<String, String> predicted = new HashMap<>();
        TRUTH.keySet().forEach(id -> predicted.put(id, "all"));
        predicted.put("not-in-truth", "all"); // ignored: only the truth's records are evaluated

        QualityReport r = LinkageQuality.measure(TRUTH, predicted);

        assertEquals(6, r.records());
        assertEquals(15, r.predictedPairs());
        assertEquals(4.0 / 15, r.pairwisePrecision(), EPS);
        assertEquals(1.0, r.pairwiseRecall(), EPS);
        assertEquals(8.0 / 19, r.pairwiseF1(), EPS);
        assertEquals(7.0 / 18, r.bcubedPrecision(), EPS);
        assertEquals(1.0, r.bcubedRecall(), EPS);
        assertEquals(14.0 / 25, r.bcubedF1(), EPS);
        assertEquals(1, r.mixedClusters());
        assertEquals(0, r.splitPeople());
    }

    @Test
    void aMillionRecordsAreCountedWithoutEnumeratingPairs() {
        // 250,000 people with 4 records each; the prediction halves every person into two clusters of 2.
        // True pairs 250,000 * 6; predicted = correct = 250,000 * 2 -> precision 1, recall 1/3.
        // B-cubed recall: every record sees 2 of its person's 4 records -> 0.5.
        Map<String, String> truth = new HashMap<>();
        Map<String, String> predicted = new HashMap<>();
        for (int person = 0; person < 250_000; person++) {
            for (int k = 0; k < 4; k++) {
                String record = person + "-" + k;
                truth.put(record, "p" + person);
                predicted.put(record, "c" + person + (k < 2 ? "a" : "b"));
            }
        }

        QualityReport r = LinkageQuality.measure(truth, predicted);

        assertEquals(1_000_000, r.records());
        assertEquals(1_500_000, r.truePairs());
        assertEquals(500_000, r.correctPairs());
        assertEquals(1.0, r.pairwisePrecision(), EPS);
        assertEquals(1.0 / 3, r.pairwiseRecall(), EPS);
        assertEquals(0.5, r.bcubedRecall(), EPS);
        assertEquals(250_000, r.splitPeople());
        assertEquals(0, r.mixedClusters());
    }

    @Test
    void tableNamesEveryFigure() {
        String table = QualityTable.format(LinkageQuality.measure(TRUTH, Map.of(
                "r1", "X", "r2", "X", "r3", "Y", "r4", "Y", "r5", "Y", "r6", "Z")));

        assertEquals(13, table.lines().count());
        assertEquals("pairwise precision                 0.5000", table.lines().filter(l -> l.startsWith("pairwise precision")).findFirst().orElseThrow());
        assertEquals("B-cubed F1                         0.7778", table.lines().filter(l -> l.startsWith("B-cubed F1")).findFirst().orElseThrow());
        assertEquals("clusters mixing people             1", table.lines().filter(l -> l.startsWith("clusters mixing")).findFirst().orElseThrow());
    }
}
