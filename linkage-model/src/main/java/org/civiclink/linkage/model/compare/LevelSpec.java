package org.civiclink.linkage.model.compare;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One comparison level as configured in the model file. The level's predicate is {@code type} (see
 * {@link LevelPredicates}); parameters only for the types that take them.
 *
 * @param threshold   similarity threshold for jaro_winkler
 * @param maxDistance edit distance for damerau_levenshtein
 * @param years       year gap for date_within_years
 * @param m           P(level | same person); null until trained (null and else levels too)
 * @param u           P(level | different people)
 * @param tf          apply the term-frequency adjustment of the comparison's table on this level
 * @param neutral     the level carries no weight and is not trained, e.g. a swap already weighed by another comparison
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LevelSpec(String label, String type, Double threshold, Integer maxDistance, Integer years, Double m,
        Double u, Boolean tf, Boolean neutral) {

    public static LevelSpec of(String label, String type) {
        return new LevelSpec(label, type, null, null, null, null, null, null, null);
    }

    public LevelSpec withMU(double newM, double newU) {
        return new LevelSpec(label, type, threshold, maxDistance, years, newM, newU, tf, neutral);
    }

    public LevelSpec withoutMU() {
        return new LevelSpec(label, type, threshold, maxDistance, years, null, null, tf, neutral);
    }

    public boolean termFrequencyAdjusted() {
        return Boolean.TRUE.equals(tf);
    }

    public boolean isNull() {
        return "null".equals(type);
    }

    /** Null and neutral levels: weight 0, excluded from training. */
    public boolean carriesNoWeight() {
        return isNull() || Boolean.TRUE.equals(neutral);
    }
}
