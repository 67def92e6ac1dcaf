package org.civiclink.linkage.model;

import java.nio.file.Path;

/** Prints the pairwise figures of a model file at several thresholds (a tuning aid, run by hand). */
public final class QualityProbe {

    private QualityProbe() {
    }

    public static void main(String[] args) {
        LinkageModel model = args.length > 2 ? LinkageModel.read(Path.of(args[2])) : LinkageModel.defaultModel();
        Simulated data = Simulated.of(Long.parseLong(args[0]), Long.parseLong(args[1]));
        PairwiseEvaluation evaluation = PairwiseEvaluation.of(model, data.records(), data.personIds());
        for (double t : new double[] {0, 5, 7.5, 8, 9, 10, 11, 12, 13, 15}) {
            System.out.println(evaluation.at(t));
        }
        double t = args.length > 3 ? Double.parseDouble(args[3]) : model.linkThreshold();
        java.util.List<StandardizedRecord> std = data.records().stream().map(model::standardize).toList();
        GenericValues generic = PairwiseEvaluation.genericity(model, std);
        for (PairwiseEvaluation.Scored s : evaluation.scored()) {
            boolean fp = s.weight() >= t && !s.conflict() && !s.same();
            boolean fn = s.weight() < t && s.same() && "fn".equals(System.getProperty("show"));
            if (fp || fn) {
                System.out.println((fp ? "FALSE POSITIVE " : "MISSED ") + s.weight());
                System.out.println("  " + data.records().get(s.a()) + " " + data.personIds().get(s.a()));
                System.out.println("  " + data.records().get(s.b()) + " " + data.personIds().get(s.b()));
                for (Explanation.Step step : model.explain(std.get(s.a()), std.get(s.b()), generic).steps()) {
                    System.out.printf("    %-14s %-36s %6.2f %s | %s%n", step.comparison(), step.level(), step.log2Weight(), step.valueA(), step.valueB());
                }
            }
        }
    }
}
