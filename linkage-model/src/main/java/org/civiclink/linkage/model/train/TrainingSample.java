package org.civiclink.linkage.model.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.civiclink.linkage.model.EvidenceValue;
import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.StandardizedRecord;
import org.civiclink.linkage.model.compare.Field;

/**
 * One pass over the records: a seeded reservoir sample of standardized records (memory stays bounded) and
 * name frequencies over all of them.
 */
final class TrainingSample {

    /** Names rarer than this many occurrences are left out of the tf tables (they get no adjustment). */
    private static final int MIN_TF_COUNT = 3;

    private final List<StandardizedRecord> records;
    private final long recordsRead;
    private final Map<String, Map<String, long[]>> counts;
    private final Map<String, long[]> totals;
    private final LinkageModel model;

    private TrainingSample(List<StandardizedRecord> records, long recordsRead, Map<String, Map<String, long[]>> counts,
            Map<String, long[]> totals, LinkageModel model) {
        this.records = records;
        this.recordsRead = recordsRead;
        this.counts = counts;
        this.totals = totals;
        this.model = model;
    }

    static TrainingSample collect(LinkageModel model, Iterable<SourceRecord> source, int maxRecords, SplittableRandom random) {
        List<StandardizedRecord> reservoir = new ArrayList<>();
        Map<String, Map<String, long[]>> counts = new HashMap<>();
        Map<String, long[]> totals = new HashMap<>();
        for (Field field : List.of(Field.FIRST_NAME, Field.LAST_NAME)) {
            counts.put(field.jsonName(), new HashMap<>());
            totals.put(field.jsonName(), new long[1]);
        }
        long read = 0;
        for (SourceRecord record : source) {
            StandardizedRecord r = model.standardize(record);
            read++;
            count(counts, totals, Field.FIRST_NAME, r);
            count(counts, totals, Field.LAST_NAME, r);
            if (reservoir.size() < maxRecords) {
                reservoir.add(r);
            } else {
                long slot = random.nextLong(read);
                if (slot < maxRecords) {
                    reservoir.set((int) slot, r);
                }
            }
        }
        if (reservoir.size() < 2) {
            throw new IllegalArgumentException("training needs at least two records, got " + reservoir.size());
        }
        return new TrainingSample(reservoir, read, counts, totals, model);
    }

    private static void count(Map<String, Map<String, long[]>> counts, Map<String, long[]> totals, Field field,
            StandardizedRecord r) {
        String value = field.value(r);
        if (value != null) {
            counts.get(field.jsonName()).computeIfAbsent(value, v -> new long[1])[0]++;
            totals.get(field.jsonName())[0]++;
        }
    }

    List<StandardizedRecord> records() {
        return records;
    }

    long recordsRead() {
        return recordsRead;
    }

    /** Relative frequency of each value of a name field, sorted by value; rare values omitted. */
    Map<String, Double> termFrequencies(String field) {
        Map<String, long[]> table = counts.get(field);
        if (table == null) {
            return Map.of();
        }
        double total = totals.get(field)[0];
        Map<String, Double> frequencies = new TreeMap<>();
        table.forEach((value, n) -> {
            if (n[0] >= MIN_TF_COUNT) {
                frequencies.put(value, Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", n[0] / total)));
            }
        });
        return frequencies;
    }

    /** The sample's generic values, by the model's own rule (distinct identity keys above the field's limit). */
    GenericValues genericValues() {
        Map<EvidenceValue, Set<String>> people = new HashMap<>();
        for (StandardizedRecord r : records) {
            String identity = model.identityKey(r);
            for (EvidenceValue value : model.evidenceValues(r)) {
                people.computeIfAbsent(value, v -> new HashSet<>()).add(identity);
            }
        }
        Set<EvidenceValue> generic = new HashSet<>();
        people.forEach((value, identities) -> {
            if (identities.size() > model.genericLimit(value.field())) {
                generic.add(value);
            }
        });
        return generic::contains;
    }
}
