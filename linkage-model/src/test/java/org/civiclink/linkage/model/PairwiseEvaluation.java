package org.civiclink.linkage.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pairwise quality of the model on labelled records, mirroring the engine: genericity from distinct identity
 * keys, blocking with the size limit, then a direct link for each candidate pair at or above the link
 * threshold without a conflict. Recall is over ALL true pairs, so missed blocking counts against it.
 */
public final class PairwiseEvaluation {

    public record Figures(long truePairs, long candidatePairs, long candidateTruePairs, long predicted, long truePositives,
            double linkThreshold) {

        public double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        public double recall() {
            return truePairs == 0 ? 1 : (double) truePositives / truePairs;
        }

        public double blockingRecall() {
            return truePairs == 0 ? 1 : (double) candidateTruePairs / truePairs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "threshold %.1f: precision %.5f recall %.5f (true pairs %d, candidates %d, blocking recall %.5f, "
                            + "predicted %d, true positives %d)",
                    linkThreshold, precision(), recall(), truePairs, candidatePairs, blockingRecall(), predicted, truePositives);
        }
    }

    /** A scored candidate pair. */
    public record Scored(int a, int b, double weight, boolean conflict, boolean same) {
    }

    private final List<Scored> scored;
    private final long truePairs;

    private PairwiseEvaluation(List<Scored> scored, long truePairs) {
        this.scored = scored;
        this.truePairs = truePairs;
    }

    public static PairwiseEvaluation of(LinkageModel model, List<SourceRecord> records, List<String> personIds) {
        List<StandardizedRecord> standardized = records.stream().map(model::standardize).toList();
        GenericValues generic = genericity(model, standardized);
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < standardized.size(); i++) {
            for (String key : model.blockingKeys(standardized.get(i), generic)) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> pairs = new HashSet<>();
        long n = standardized.size();
        for (List<Integer> block : blocks.values()) {
            if (block.size() > model.maxBlockSize()) {
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = Math.min(block.get(x), block.get(y));
                    int j = Math.max(block.get(x), block.get(y));
                    pairs.add(i * n + j);
                }
            }
        }
        List<Scored> scored = new ArrayList<>(pairs.size());
        for (long pair : pairs) {
            int i = (int) (pair / n);
            int j = (int) (pair % n);
            StandardizedRecord a = standardized.get(i);
            StandardizedRecord b = standardized.get(j);
            scored.add(new Scored(i, j, model.score(a, b, generic).matchWeight(), model.conflict(a, b, generic).isPresent(),
                    personIds.get(i).equals(personIds.get(j))));
        }
        Map<String, Integer> sizes = new HashMap<>();
        personIds.forEach(p -> sizes.merge(p, 1, Integer::sum));
        long truePairs = sizes.values().stream().mapToLong(c -> (long) c * (c - 1) / 2).sum();
        return new PairwiseEvaluation(scored, truePairs);
    }

    static GenericValues genericity(LinkageModel model, List<StandardizedRecord> records) {
        Map<EvidenceValue, Set<String>> people = new HashMap<>();
        for (StandardizedRecord r : records) {
            for (EvidenceValue value : model.evidenceValues(r)) {
                people.computeIfAbsent(value, v -> new HashSet<>()).add(model.identityKey(r));
            }
        }
        Set<EvidenceValue> generic = new HashSet<>();
        people.forEach((value, ids) -> {
            if (ids.size() > model.genericLimit(value.field())) {
                generic.add(value);
            }
        });
        return generic::contains;
    }

    public List<Scored> scored() {
        return scored;
    }

    public Figures at(double linkThreshold) {
        long predicted = 0;
        long tp = 0;
        long candidateTrue = 0;
        for (Scored s : scored) {
            if (s.same()) {
                candidateTrue++;
            }
            if (s.weight() >= linkThreshold && !s.conflict()) {
                predicted++;
                if (s.same()) {
                    tp++;
                }
            }
        }
        return new Figures(truePairs, scored.size(), candidateTrue, predicted, tp, linkThreshold);
    }
}
