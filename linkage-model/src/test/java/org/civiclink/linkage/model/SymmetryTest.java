package org.civiclink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The engine's order independence rests on scores that do not depend on which record comes first. */
class SymmetryTest {

    @Test
    void scoreExplainAndConflictAreExactlySymmetricAndDeterministic() {
        LinkageModel model = LinkageModel.defaultModel();
        Simulated data = Simulated.of(99, 1500);
        List<StandardizedRecord> records = data.records().stream().map(model::standardize).toList();
        GenericValues generic = PairwiseEvaluation.genericity(model, records);
        SplittableRandom random = new SplittableRandom(5);
        int checked = 0;
        for (int n = 0; n < 20_000; n++) {
            int i = random.nextInt(records.size());
            StandardizedRecord a = records.get(i);
            // Half the pairs from near neighbours (same household or person) so that agreeing levels are exercised.
            int j = random.nextBoolean() ? random.nextInt(records.size())
                    : Math.min(records.size() - 1, i + 1 + random.nextInt(3));
            StandardizedRecord b = records.get(j);
            PairScore ab = model.score(a, b, generic);
            PairScore ba = model.score(b, a, generic);
            assertEquals(Double.doubleToRawLongBits(ab.matchWeight()), Double.doubleToRawLongBits(ba.matchWeight()),
                    () -> "asymmetric weight for " + a + " / " + b);
            assertEquals(Double.doubleToRawLongBits(ab.matchProbability()), Double.doubleToRawLongBits(ba.matchProbability()));
            assertEquals(ab, model.score(a, b, generic), "deterministic");
            Explanation eab = model.explain(a, b, generic);
            Explanation eba = model.explain(b, a, generic);
            assertEquals(Double.doubleToRawLongBits(ab.matchWeight()), Double.doubleToRawLongBits(eab.matchWeight()),
                    "explain and score agree");
            assertEquals(eab.matchWeight(), eba.matchWeight());
            assertEquals(eab.decision(), eba.decision());
            assertEquals(model.conflict(a, b, generic), model.conflict(b, a, generic));
            checked++;
        }
        System.out.println("symmetry checked on " + checked + " simulated pairs");
    }
}
