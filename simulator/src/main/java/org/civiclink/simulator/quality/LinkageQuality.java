package org.civiclink.simulator.quality;

import java.util.HashMap;
import java.util.Map;

/**
 * Scores a predicted clustering against ground truth.
 *
 * <p>Works from the contingency table (predicted cluster x true person -> records in both) so that
 * pairs are counted with n(n-1)/2 per cell, cluster and person and never enumerated: a million records
 * cost a few hash maps, not 10^11 pairs. Ids are mapped to dense ints first so the table is keyed by
 * a single long.
 */
public final class LinkageQuality {

    private LinkageQuality() {
    }

    /**
     * @param truth     recordId -> personId; defines which records are evaluated
     * @param predicted recordId -> clusterId (e.g. clientId); records of the truth it lacks count as
     *                  singletons, records it has that the truth lacks are ignored
     */
    public static QualityReport measure(Map<String, String> truth, Map<String, String> predicted) {
        Map<String, Integer> personIndex = new HashMap<>();
        Map<String, Integer> clusterIndex = new HashMap<>();
        Map<Long, int[]> cells = new HashMap<>();
        long unclustered = 0;
        for (Map.Entry<String, String> entry : truth.entrySet()) {
            int person = personIndex.computeIfAbsent(entry.getValue(), k -> personIndex.size());
            String clusterId = predicted.get(entry.getKey());
            if (clusterId == null) {
                unclustered++;
                // A key no real cluster id can collide with: the record alone.
                clusterId = "\u0000unclustered\u0000" + entry.getKey();
            }
            int cluster = clusterIndex.computeIfAbsent(clusterId, k -> clusterIndex.size());
            cells.computeIfAbsent(((long) cluster << 32) | person, k -> new int[1])[0]++;
        }
        return fromCells(truth.size(), unclustered, personIndex.size(), clusterIndex.size(), cells);
    }

    private static QualityReport fromCells(long records, long unclustered, int people, int clusters, Map<Long, int[]> cells) {
        long[] clusterSize = new long[clusters];
        long[] personSize = new long[people];
        int[] peopleInCluster = new int[clusters];
        int[] clustersOfPerson = new int[people];
        for (Map.Entry<Long, int[]> cell : cells.entrySet()) {
            int cluster = (int) (cell.getKey() >>> 32);
            int person = (int) (long) cell.getKey();
            int n = cell.getValue()[0];
            clusterSize[cluster] += n;
            personSize[person] += n;
            peopleInCluster[cluster]++;
            clustersOfPerson[person]++;
        }
        long correctPairs = 0;
        double bcubedPrecisionSum = 0;
        double bcubedRecallSum = 0;
        for (Map.Entry<Long, int[]> cell : cells.entrySet()) {
            int cluster = (int) (cell.getKey() >>> 32);
            int person = (int) (long) cell.getKey();
            long n = cell.getValue()[0];
            correctPairs += pairs(n);
            // Each of the n records in this cell has precision n/|cluster| and recall n/|person|.
            bcubedPrecisionSum += (double) n * n / clusterSize[cluster];
            bcubedRecallSum += (double) n * n / personSize[person];
        }
        long predictedPairs = 0;
        long mixed = 0;
        for (int c = 0; c < clusters; c++) {
            predictedPairs += pairs(clusterSize[c]);
            if (peopleInCluster[c] > 1) {
                mixed++;
            }
        }
        long truePairs = 0;
        long split = 0;
        for (int p = 0; p < people; p++) {
            truePairs += pairs(personSize[p]);
            if (clustersOfPerson[p] > 1) {
                split++;
            }
        }
        double precision = QualityReport.ratio(correctPairs, predictedPairs);
        double recall = QualityReport.ratio(correctPairs, truePairs);
        double bPrecision = records == 0 ? 1.0 : bcubedPrecisionSum / records;
        double bRecall = records == 0 ? 1.0 : bcubedRecallSum / records;
        return new QualityReport(records, unclustered, people, clusters, truePairs, predictedPairs, correctPairs,
                precision, recall, QualityReport.f1(precision, recall),
                bPrecision, bRecall, QualityReport.f1(bPrecision, bRecall), mixed, split);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
