package org.civiclink.linkage.model;

import java.util.List;

/**
 * A waterfall of how a pair's match weight was reached: the prior, then one step per comparison.
 *
 * @param conflict a hard conflict that forbids the merge whatever the weight, or null
 * @param decision LINK, POSSIBLE_MATCH or NO_LINK
 */
public record Explanation(String modelVersion, double priorWeight, List<Step> steps, double matchWeight,
        double matchProbability, String conflict, String decision) {

    public static final String LINK = "LINK";
    public static final String POSSIBLE_MATCH = "POSSIBLE_MATCH";
    public static final String NO_LINK = "NO_LINK";

    /**
     * One comparison's contribution.
     *
     * @param log2Weight   log2(bayesFactor) plus the term-frequency adjustment
     * @param tfAdjustment the term-frequency part of the weight (0 when not applicable)
     */
    public record Step(String comparison, String level, String valueA, String valueB, double m, double u,
            double bayesFactor, double log2Weight, double tfAdjustment) {
    }
}
