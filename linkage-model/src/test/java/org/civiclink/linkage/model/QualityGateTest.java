package org.civiclink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The quality gate of the shipped default model on a simulated population it was not trained on: pairwise
 * precision and recall of direct links (candidate pairs from blocking at or above the link threshold, no
 * conflict), recall over all true pairs.
 */
class QualityGateTest {

    @Test
    void defaultModelMeetsThePrecisionAndRecallTargets() {
        LinkageModel model = LinkageModel.defaultModel();
        for (long seed : new long[] {2026, 1}) {
            Simulated data = Simulated.of(seed, 3000);
            PairwiseEvaluation.Figures figures = PairwiseEvaluation.of(model, data.records(), data.personIds())
                    .at(model.linkThreshold());
            System.out.printf("quality gate, seed %d, 3,000 people, %d records: %s%n", seed, data.records().size(), figures);
            assertTrue(figures.precision() >= 0.995, "precision " + figures);
            assertTrue(figures.recall() >= 0.97, "recall " + figures);
        }
    }
}
