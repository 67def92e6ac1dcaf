package org.civiclink.linkage.engine;

/** Two records between the review and the link thresholds, waiting for a person to decide. */
public record PossibleMatch(String leftRecordId, String rightRecordId, double matchWeight, double matchProbability) {

    static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    static PossibleMatch of(String a, String b, double weight, double probability) {
        return a.compareTo(b) <= 0
                ? new PossibleMatch(a, b, weight, probability)
                : new PossibleMatch(b, a, weight, probability);
    }
}
