package org.civiclink.linkage.model.train;

import java.nio.file.Path;

import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.Simulated;
import org.civiclink.simulator.Simulation;

/**
 * Produces src/main/resources/.../default-model.json: trains the current settings on a simulated population.
 * Run by hand: java -cp (test classpath) org.civiclink.linkage.model.train.TrainDefaultModel SEED PEOPLE OUT
 */
public final class TrainDefaultModel {

    private TrainDefaultModel() {
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        long people = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Iterable<SourceRecord> records = () -> {
            java.util.List<SourceRecord> all = new java.util.ArrayList<>();
            Simulation.of(seed, people).run(r -> all.add(Simulated.toModel(r)));
            return all.iterator();
        };
        LinkageModel settings = LinkageModel.read(out);
        long started = System.nanoTime();
        LinkageModel trained = EmTrainer.train(settings, records,
                TrainingOptions.defaults().withSeed(seed).withVersionLabel("simulator-" + seed + "-" + people));
        System.out.printf("trained in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, trained.file().trainedOn());
        org.civiclink.linkage.model.ModelFile file = trained.file();
        String how = "Simulation.of(" + seed + ", " + people + ") records, trained by "
                + "org.civiclink.linkage.model.train.TrainDefaultModel " + seed + " " + people + " (test classpath), "
                + "TrainingOptions.defaults().withSeed(" + seed + "). " + file.trainedOn();
        new LinkageModel(file.withParameters(file.version(), how, file.probabilityTwoRandomRecordsMatch(), file.comparisons()))
                .write(out);
    }
}
