package org.civiclink.linkage.model.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.ModelFile;
import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.StandardizedRecord;
import org.civiclink.linkage.model.blocking.BlockingRule;
import org.civiclink.linkage.model.compare.Comparison;
import org.civiclink.linkage.model.compare.ComparisonSpec;
import org.civiclink.linkage.model.compare.LevelSpec;

/**
 * Trains a model's parameters from unlabelled records, as Splink does: u from random record pairs, m and the
 * prior by expectation-maximisation over the candidate pairs the blocking rules select (identical comparison
 * vectors aggregated with counts), term-frequency tables from all records. Deterministic for the same records
 * (in the same order) and options.
 */
public final class EmTrainer {

    private EmTrainer() {
    }

    public static LinkageModel train(LinkageModel settings, Iterable<SourceRecord> records, TrainingOptions options) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(options.seed());
        TrainingSample sample = TrainingSample.collect(settings, records, options.maxRecords(), random.split());
        GenericValues generic = sample.genericValues();
        List<Comparison> comparisons = settings.comparisons();

        double[][] u = UEstimator.estimate(comparisons, sample.records(), generic, options.uPairs(), random.split());
        List<BlockingRule> rules = CandidatePairs.trainingRules(settings);
        // The prior from one EM over all training rules' pairs; m from one session per rule, as Splink trains.
        VectorCounts candidates = CandidatePairs.vectors(settings, rules, sample.records(), generic);
        Em em = Em.run(comparisons, candidates, u, options.maxIterations(), options.tolerance());
        double[][] m = sessionM(settings, rules, sample.records(), generic, u, em, options);

        double sampledPairs = (double) sample.records().size() * (sample.records().size() - 1) / 2;
        double lambda = clamp(em.lambda() * candidates.totalPairs() / sampledPairs, 1e-12, 0.5);

        List<ComparisonSpec> trained = new ArrayList<>(comparisons.size());
        for (int c = 0; c < comparisons.size(); c++) {
            ComparisonSpec spec = comparisons.get(c).spec();
            List<LevelSpec> levels = new ArrayList<>(spec.levels().size());
            for (int l = 0; l < spec.levels().size(); l++) {
                LevelSpec level = spec.levels().get(l);
                levels.add(level.carriesNoWeight() ? level.withoutMU() : level.withMU(round(m[c][l]), round(u[c][l])));
            }
            ComparisonSpec withLevels = spec.withLevels(levels);
            boolean tf = levels.stream().anyMatch(LevelSpec::termFrequencyAdjusted);
            trained.add(tf ? withLevels.withTermFrequencies(sample.termFrequencies(spec.field())) : withLevels);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String trainedOn = String.format(java.util.Locale.ROOT,
                "EmTrainer: %d records read, %d sampled, %d random pairs for u, %d candidate pairs (%d distinct vectors, %d conflicting pairs left out), "
                        + "%d EM iterations, seed %d, %.1f s", sample.recordsRead(), sample.records().size(), options.uPairs(),
                candidates.totalPairs(), candidates.size(), candidates.conflicts(), em.iterations(), options.seed(), seconds);
        ModelFile base = settings.file();
        ModelFile draft = base.withParameters(base.version(), trainedOn, lambda, trained);
        String version = "trained-" + (options.versionLabel() != null ? options.versionLabel()
                : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()))
                + "-" + hash(draft);
        return new LinkageModel(base.withParameters(version, trainedOn, lambda, trained));
    }

    /**
     * m per comparison: the average, weighted by expected matches, of the sessions whose rule does not select on
     * the comparison; the all-rules EM where every training rule selects on it.
     */
    private static double[][] sessionM(LinkageModel settings, List<BlockingRule> rules, List<StandardizedRecord> records,
            GenericValues generic, double[][] u, Em overall, TrainingOptions options) {
        List<Comparison> comparisons = settings.comparisons();
        int k = comparisons.size();
        double[][] sum = new double[k][];
        double[] weight = new double[k];
        for (int c = 0; c < k; c++) {
            sum[c] = new double[comparisons.get(c).levelCount()];
        }
        for (BlockingRule rule : rules) {
            boolean[] active = new boolean[k];
            for (int c = 0; c < k; c++) {
                active[c] = !rule.fields().contains(comparisons.get(c).field());
            }
            VectorCounts pairs = CandidatePairs.vectors(settings, List.of(rule), records, generic);
            if (pairs.totalPairs() == 0) {
                continue;
            }
            Em session = Em.run(comparisons, active, pairs, u, options.maxIterations(), options.tolerance());
            double matches = session.lambda() * pairs.totalPairs();
            for (int c = 0; c < k; c++) {
                if (active[c]) {
                    for (int l = 0; l < sum[c].length; l++) {
                        sum[c][l] += matches * session.m()[c][l];
                    }
                    weight[c] += matches;
                }
            }
        }
        double[][] m = new double[k][];
        for (int c = 0; c < k; c++) {
            if (weight[c] == 0) {
                m[c] = overall.m()[c];
            } else {
                m[c] = new double[sum[c].length];
                for (int l = 0; l < sum[c].length; l++) {
                    m[c][l] = sum[c][l] / weight[c];
                }
            }
        }
        return m;
    }

    private static double round(double value) {
        // Nine significant digits keep the file readable and the scores reproducible across write/read.
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.9g", value));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String hash(ModelFile file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String text = file.probabilityTwoRandomRecordsMatch() + "|" + file.comparisons().stream()
                    .flatMap(c -> c.levels().stream()).map(l -> l.m() + "/" + l.u()).toList();
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
