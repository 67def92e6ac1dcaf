package org.civiclink.linkage.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.civiclink.linkage.model.blocking.BlockingRuleSpec;
import org.civiclink.linkage.model.compare.ComparisonSpec;

/**
 * The model file: settings (comparisons, levels, blocking rules, limits) and trained parameters (m, u,
 * term frequencies, prior) in one JSON document. See docs/linkage-model.md.
 *
 * @param trainedOn                        free text: how the parameters were obtained (command, seed, size)
 * @param probabilityTwoRandomRecordsMatch the prior, lambda
 * @param genericLimits                    per evidence field: more distinct identity keys than this makes a value generic
 * @param maxBirthYearGap                  dates of birth further apart than this many years conflict
 * @param maxSsnTypoDistance               two valid SSNs further apart than this edit distance conflict
 * @param trainingBlockingRules            names of the blocking rules whose candidate pairs EM trains on (all when null)
 * @param twinGuard                        the same (non-default) birth date with unrelated first names conflicts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "trainedOn", "description", "probabilityTwoRandomRecordsMatch", "linkThreshold",
        "reviewThreshold", "maxBlockSize", "genericLimits", "maxBirthYearGap", "maxSsnTypoDistance", "twinGuard", "blockingRules", "trainingBlockingRules",
        "comparisons"})
public record ModelFile(String version, String trainedOn, String description, double probabilityTwoRandomRecordsMatch,
        double linkThreshold, double reviewThreshold, int maxBlockSize, Map<String, Integer> genericLimits,
        int maxBirthYearGap, int maxSsnTypoDistance, boolean twinGuard, List<BlockingRuleSpec> blockingRules, List<String> trainingBlockingRules,
        List<ComparisonSpec> comparisons) {

    public ModelFile withParameters(String newVersion, String newTrainedOn, double lambda, List<ComparisonSpec> newComparisons) {
        return new ModelFile(newVersion, newTrainedOn, description, lambda, linkThreshold, reviewThreshold, maxBlockSize,
                genericLimits, maxBirthYearGap, maxSsnTypoDistance, twinGuard, blockingRules, trainingBlockingRules, newComparisons);
    }

    public ModelFile withThresholds(double link, double review) {
        return new ModelFile(version, trainedOn, description, probabilityTwoRandomRecordsMatch, link, review, maxBlockSize,
                genericLimits, maxBirthYearGap, maxSsnTypoDistance, twinGuard, blockingRules, trainingBlockingRules, comparisons);
    }
}
