package org.civiclink.linkage.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.PairwiseEvaluation;
import org.civiclink.linkage.model.Simulated;
import org.civiclink.linkage.model.compare.Comparison;
import org.civiclink.linkage.model.compare.ComparisonSpec;
import org.civiclink.linkage.model.compare.LevelSpec;

class EmTrainerTest {

    private static Simulated data;
    private static LinkageModel trained;
    private static final TrainingOptions OPTIONS = new TrainingOptions(7, 300_000, 100_000, 40, 1e-5, "test");

    @BeforeAll
    static void train() {
        data = Simulated.of(424242, 8000);
        long started = System.nanoTime();
        trained = EmTrainer.train(LinkageModel.defaultModel(), data.records(), OPTIONS);
        System.out.printf("trained on %d records in %.1f s: %s%n", data.records().size(), (System.nanoTime() - started) / 1e9,
                trained.file().trainedOn());
    }

    private static LevelSpec level(LinkageModel model, String comparison, String label) {
        ComparisonSpec spec = model.comparisons().stream().map(Comparison::spec).filter(c -> c.name().equals(comparison))
                .findFirst().orElseThrow();
        return spec.levels().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void agreementLevelsAreLikelierAmongMatchesAndDisagreementAmongNonMatches() {
        for (String comparison : List.of("first_name", "last_name", "date_of_birth", "ssn", "address_phone")) {
            LevelSpec agree = level(trained, comparison, comparison.equals("address_phone") ? "address and phone" : "exact");
            LevelSpec disagree = level(trained, comparison, "else");
            assertTrue(agree.m() > agree.u() * 50, comparison + " exact: m " + agree.m() + " u " + agree.u());
            assertTrue(disagree.m() < disagree.u(), comparison + " else: m " + disagree.m() + " u " + disagree.u());
        }
        LevelSpec ssn = level(trained, "ssn", "exact");
        assertTrue(ssn.m() > 0.5 && ssn.u() < 1e-3, "m(exact ssn) " + ssn.m() + " u " + ssn.u());
    }

    @Test
    void probabilitiesOfEachComparisonSumToOne() {
        for (Comparison comparison : trained.comparisons()) {
            double m = comparison.spec().levels().stream().filter(l -> !l.carriesNoWeight()).mapToDouble(LevelSpec::m).sum();
            double u = comparison.spec().levels().stream().filter(l -> !l.carriesNoWeight()).mapToDouble(LevelSpec::u).sum();
            assertEquals(1.0, m, 1e-3, comparison.name());
            assertEquals(1.0, u, 1e-3, comparison.name());
        }
    }

    @Test
    void priorIsPlausibleForThePopulation() {
        double lambda = trained.file().probabilityTwoRandomRecordsMatch();
        long n = data.records().size();
        double truePairs = data.personIds().stream().collect(java.util.stream.Collectors.groupingBy(p -> p,
                java.util.stream.Collectors.counting())).values().stream().mapToDouble(c -> c * (c - 1) / 2.0).sum();
        double actual = truePairs / (n * (n - 1) / 2.0);
        assertTrue(lambda > actual / 3 && lambda < actual * 3, "lambda " + lambda + " vs true " + actual);
    }

    @Test
    void trainingIsDeterministicAndVersioned() {
        LinkageModel again = EmTrainer.train(LinkageModel.defaultModel(), data.records(), OPTIONS);
        assertEquals(trained.file().comparisons(), again.file().comparisons());
        assertEquals(trained.version(), again.version());
        assertTrue(trained.version().startsWith("trained-test-"), trained.version());
        assertNotEquals(LinkageModel.defaultModel().version(), trained.version());
        assertTrue(!level(trained, "first_name", "exact").m().isNaN());
    }

    @Test
    void trainedModelLinksWell() {
        Simulated fresh = Simulated.of(77, 3000);
        PairwiseEvaluation.Figures figures = PairwiseEvaluation.of(trained, fresh.records(), fresh.personIds())
                .at(trained.linkThreshold());
        System.out.println("model trained on 8,000 simulated people, evaluated on 3,000 others: " + figures);
        assertTrue(figures.precision() >= 0.99, figures.toString());
        assertTrue(figures.recall() >= 0.95, figures.toString());
    }
}
