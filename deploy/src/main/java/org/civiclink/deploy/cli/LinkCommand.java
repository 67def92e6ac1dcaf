package org.civiclink.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.civiclink.linkage.batch.BatchLinker;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.simulator.quality.ClusterCsv;
import org.civiclink.simulator.quality.LinkageQuality;
import org.civiclink.simulator.quality.QualityReport;
import org.civiclink.simulator.quality.QualityTable;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Links a canonical CSV (record_id,agency,first_name,middle_name,last_name,date_of_birth,sex,ssn,"
                + "street,city,zip,phone) with the same engine as linkage-service and writes record_id,client_id"
                + " for every input row. When the input has a person_id column (simulated data), prints pairwise and"
                + " B-cubed quality against it. See docs/linkage.md.")
class LinkCommand implements Callable<Integer> {

    @Option(names = {"--input", "-i"}, required = true, description = "Canonical CSV to link.")
    Path input;

    @Option(names = {"--output", "-o"}, required = true, description = "CSV to write: record_id,client_id.")
    Path output;

    @Option(names = "--model", description = "Model file from 'civiclink train' (default: the shipped model).")
    Path model;

    @Option(names = "--no-evaluate", description = "Skip the quality report even when the input has a person_id column.")
    boolean noEvaluate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isReadable(input)) {
            throw new ParameterException(spec.commandLine(), "--input " + input + " is not a readable file");
        }
        if (model != null && !Files.isReadable(model)) {
            throw new ParameterException(spec.commandLine(), "--model " + model + " is not a readable file");
        }
        LinkageModel linkageModel = model == null ? LinkageModel.defaultModel() : LinkageModel.read(model);
        BatchLinker.Summary summary = BatchLinker.linkFile(linkageModel, input, output);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Linked %,d rows (%,d records) into %,d clients in %.1f s (%,.0f records/s) with model %s; wrote %s%n",
                summary.rows(), summary.records(), summary.clients(), summary.elapsed().toMillis() / 1000.0,
                summary.recordsPerSecond(), linkageModel.version(), output);
        if (!noEvaluate && hasGroundTruth(input)) {
            // Simulated files carry the truth: report how close the clients are to the people.
            QualityReport quality = LinkageQuality.measure(ClusterCsv.readGroundTruth(input), ClusterCsv.readClusters(output));
            err.println(QualityTable.format(quality));
        }
        err.flush();
        return 0;
    }

    private static boolean hasGroundTruth(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().map(header -> Arrays.asList(header.split(",")).contains(ClusterCsv.PERSON_ID))
                    .orElse(false);
        } catch (IOException e) {
            return false;
        }
    }
}
