package org.civiclink.linkage.engine;

/**
 * Two records waiting for a person to decide: their weight lies between the review and the link
 * thresholds, or reaches the link threshold while a hard conflict (directly, or with a record of the
 * other's client) keeps them apart, which only a person can overrule.
 */
public record PossibleMatch(String leftRecordId, String rightRecordId, double matchWeight, double matchProbability) {

    /** The pair's key in the possible-match table (its ids are ordered), also its key on the review topic. */
    public String key() {
        return key(leftRecordId, rightRecordId);
    }

    static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    static PossibleMatch of(String a, String b, double weight, double probability) {
        return a.compareTo(b) <= 0
                ? new PossibleMatch(a, b, weight, probability)
                : new PossibleMatch(b, a, weight, probability);
    }
}
