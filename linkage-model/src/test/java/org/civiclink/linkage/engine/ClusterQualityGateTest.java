package org.civiclink.linkage.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.civiclink.linkage.batch.BatchLinker;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.simulator.quality.LinkageQuality;
import org.civiclink.simulator.quality.QualityReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quality gate on clients, not pairs: the batch linker (the streaming engine on in-memory
 * state) clusters a simulated population, and its clients are scored against the ground truth.
 * Transitive clustering can merge what no direct link would, so this is the figure that says
 * whether two people end up in one client.
 */
class ClusterQualityGateTest {

    private static final LinkageModel MODEL = LinkageModel.defaultModel();
    private static final long PEOPLE = 3_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2026, 1})
    void clientsMeetThePrecisionAndRecallTargets(long seed) {
        Populations population = Populations.simulate(seed, PEOPLE, 1.0);
        BatchLinker linker = new BatchLinker(MODEL);
        population.records().forEach(linker::add);
        Map<String, String> clients = new HashMap<>();
        population.records().forEach(r -> clients.put(r.recordId(), linker.clientOf(r.recordId())));

        QualityReport report = LinkageQuality.measure(population.personOf(), clients);

        System.out.printf(Locale.ROOT, "cluster quality, seed %d, %,d people, %,d records: pairwise precision %.5f "
                        + "(%d of %d pairs) recall %.5f (of %d), B-cubed precision %.5f recall %.5f F1 %.5f, "
                        + "%d clients mixing people, %d people split%n", seed, PEOPLE, report.records(),
                report.pairwisePrecision(), report.correctPairs(), report.predictedPairs(), report.pairwiseRecall(),
                report.truePairs(), report.bcubedPrecision(), report.bcubedRecall(), report.bcubedF1(),
                report.mixedClusters(), report.splitPeople());
        assertTrue(report.pairwisePrecision() >= 0.995, report.toString());
        assertTrue(report.pairwiseRecall() >= 0.97, report.toString());
    }
}
