package org.civiclink.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.io.CanonicalRecordReader;
import org.civiclink.linkage.model.train.EmTrainer;
import org.civiclink.linkage.model.train.TrainingOptions;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Estimates the linkage model (m and u per comparison level, term frequencies) by EM from"
                + " unlabelled records in a canonical CSV and writes a versioned model file for linkage-service"
                + " (civiclink.linkage.model.file) and 'civiclink link --model'. See docs/linkage-model.md.")
class TrainCommand implements Callable<Integer> {

    @Option(names = {"--input", "-i"}, required = true, description = "Canonical CSV to learn from.")
    Path input;

    @Option(names = {"--output", "-o"}, defaultValue = "linkage-model.json",
            description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--settings",
            description = "Model file whose comparisons, blocking rules and thresholds to train (default: the shipped model).")
    Path settings;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the pair sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--label", description = "Label to put in the model version, e.g. the data set's name.")
    String label;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isReadable(input)) {
            throw new ParameterException(spec.commandLine(), "--input " + input + " is not a readable file");
        }
        LinkageModel base = settings == null ? LinkageModel.defaultModel() : LinkageModel.read(settings);
        long started = System.nanoTime();
        List<SourceRecord> records;
        try (CanonicalRecordReader reader = CanonicalRecordReader.open(input)) {
            records = reader.records().toList();
        }
        LinkageModel trained = EmTrainer.train(base, records,
                TrainingOptions.defaults().withSeed(seed).withVersionLabel(label));
        trained.write(output);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Trained model %s on %,d records in %.1f s; wrote %s%n", trained.version(), records.size(),
                (System.nanoTime() - started) / 1e9, output);
        err.flush();
        return 0;
    }
}
