package org.civiclink.linkage.model.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.StandardizedRecord;
import org.civiclink.linkage.model.blocking.BlockingRule;
import org.civiclink.linkage.model.compare.Comparison;

/**
 * The comparison vectors of the candidate pairs the blocking rules select, each pair counted once: a pair is
 * counted under the first rule (in model order) whose key it shares, as Splink deduplicates across rules.
 * Only the model's training blocking rules are used: rules that select on household facts (a shared phone or
 * address) would feed EM relatives who agree on everything but the person. Pairs with a hard conflict are counted apart and left out of the vectors.
 */
final class CandidatePairs {

    private CandidatePairs() {
    }

    /** The model's training blocking rules (all rules when the model names none). */
    static List<BlockingRule> trainingRules(LinkageModel model) {
        List<String> training = model.file().trainingBlockingRules();
        List<BlockingRule> rules = model.blockingRules().stream()
                .filter(rule -> training == null || training.contains(rule.name())).toList();
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("trainingBlockingRules " + training + " names no blocking rule of the model");
        }
        return rules;
    }

    static VectorCounts vectors(LinkageModel model, List<BlockingRule> rules, List<StandardizedRecord> records,
            GenericValues generic) {
        List<Comparison> comparisons = model.comparisons();
        if (comparisons.size() > 16) {
            throw new IllegalArgumentException("training supports at most 16 comparisons");
        }
        int n = records.size();
        // keys[rule][record]: the record's keys under that rule, restricted to blocks within the size limit.
        List<List<List<String>>> keys = new ArrayList<>();
        List<Map<String, List<Integer>>> blocks = new ArrayList<>();
        for (BlockingRule rule : rules) {
            Map<String, List<Integer>> ruleBlocks = new HashMap<>();
            List<List<String>> ruleKeys = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                List<String> recordKeys = new ArrayList<>(2);
                rule.keys(records.get(i), generic, recordKeys);
                ruleKeys.add(recordKeys);
                for (String key : recordKeys) {
                    ruleBlocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            ruleBlocks.values().removeIf(block -> block.size() > model.maxBlockSize() || block.size() < 2);
            for (List<String> recordKeys : ruleKeys) {
                recordKeys.removeIf(key -> !ruleBlocks.containsKey(key));
            }
            keys.add(ruleKeys);
            blocks.add(ruleBlocks);
        }
        VectorCounts vectors = new VectorCounts();
        for (int r = 0; r < rules.size(); r++) {
            List<List<String>> ruleKeys = keys.get(r);
            for (int i = 0; i < n; i++) {
                List<String> own = ruleKeys.get(i);
                for (int k = 0; k < own.size(); k++) {
                    for (int j : blocks.get(r).get(own.get(k))) {
                        // Count the pair once: from its smaller index, under its first shared key of its first shared rule.
                        if (j <= i || firstSharedKeyIndex(own, ruleKeys.get(j)) != k || sharedEarlier(keys, r, i, j)) {
                            continue;
                        }
                        StandardizedRecord a = records.get(i);
                        StandardizedRecord b = records.get(j);
                        // A pair with a hard conflict can never be linked automatically; leaving it out keeps
                        // twins and relatives, who agree on a household's facts, from passing for matches.
                        if (model.conflict(a, b, generic).isPresent()) {
                            vectors.skipConflict();
                            continue;
                        }
                        vectors.add(vector(comparisons, a, b, generic));
                    }
                }
            }
        }
        return vectors;
    }

    private static int firstSharedKeyIndex(List<String> a, List<String> b) {
        for (int k = 0; k < a.size(); k++) {
            if (b.contains(a.get(k))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean sharedEarlier(List<List<List<String>>> keys, int rule, int i, int j) {
        for (int r = 0; r < rule; r++) {
            if (firstSharedKeyIndex(keys.get(r).get(i), keys.get(r).get(j)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static long vector(List<Comparison> comparisons, StandardizedRecord a, StandardizedRecord b, GenericValues generic) {
        long vector = 0;
        for (int c = 0; c < comparisons.size(); c++) {
            vector |= ((long) comparisons.get(c).levelOf(a, b, generic)) << (4 * c);
        }
        return vector;
    }
}
