package org.civiclink.linkage.model.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civiclink.linkage.model.EvidenceValue;
import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.StandardizedRecord;

/**
 * A compiled comparison: its levels' predicates and weights, ready for scoring. A generic evidence value is
 * treated as absent, so the pair falls to the null level and the comparison contributes nothing.
 */
public final class Comparison {

    private final ComparisonSpec spec;
    private final Field field;
    private final LevelPredicate[] predicates;
    private final double[] weights;
    private final boolean[] tfAdjusted;
    private final double[] levelU;
    /** Jaro-Winkler threshold of each jaro_winkler level (NaN for other levels): computed once per pair, not per level. */
    private final double[] jaroWinklerThreshold;
    private final Map<String, Double> termFrequencies;
    private final double tfMinimum;

    public Comparison(ComparisonSpec spec) {
        this.spec = spec;
        this.field = Field.fromJson(spec.field());
        List<LevelSpec> levels = spec.levels();
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("comparison '" + spec.name() + "' has no levels");
        }
        if (levels.size() > 15) {
            throw new IllegalArgumentException("comparison '" + spec.name() + "' has more than 15 levels");
        }
        predicates = new LevelPredicate[levels.size()];
        weights = new double[levels.size()];
        tfAdjusted = new boolean[levels.size()];
        levelU = new double[levels.size()];
        jaroWinklerThreshold = new double[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            LevelSpec level = levels.get(i);
            predicates[i] = LevelPredicates.create(level, field);
            jaroWinklerThreshold[i] = "jaro_winkler".equals(level.type()) ? level.threshold() : Double.NaN;
            weights[i] = weightOf(level);
            tfAdjusted[i] = level.termFrequencyAdjusted();
            levelU[i] = level.u() == null ? 1 : level.u();
        }
        this.termFrequencies = new HashMap<>(spec.termFrequencies());
        this.tfMinimum = spec.tfMinimum() == null ? 1e-4 : spec.tfMinimum();
    }

    static double weightOf(LevelSpec level) {
        if (level.carriesNoWeight() || level.m() == null || level.u() == null) {
            return 0;
        }
        return log2(level.m() / level.u());
    }

    public ComparisonSpec spec() {
        return spec;
    }

    public Field field() {
        return field;
    }

    public String name() {
        return spec.name();
    }

    public int levelCount() {
        return predicates.length;
    }

    public LevelSpec level(int index) {
        return spec.levels().get(index);
    }

    /** The comparison's view of a record's value: null when absent or generic. */
    public String value(StandardizedRecord record, GenericValues generic) {
        if (field == Field.ADDRESS_PHONE) {
            return Field.contact(nonGeneric(record.address(), EvidenceValue.ADDRESS, generic),
                    nonGeneric(record.phone(), EvidenceValue.PHONE, generic));
        }
        String value = field.value(record);
        if (value != null && field.evidenceField() != null && generic.isGeneric(new EvidenceValue(field.evidenceField(), value))) {
            return null;
        }
        return value;
    }

    private static String nonGeneric(String value, String evidenceField, GenericValues generic) {
        return value == null || generic.isGeneric(new EvidenceValue(evidenceField, value)) ? null : value;
    }

    /** Index of the first level whose predicate holds. */
    public int levelOf(StandardizedRecord a, StandardizedRecord b, GenericValues generic) {
        String va = value(a, generic);
        String vb = value(b, generic);
        double jaroWinkler = -1;
        for (int i = 0; i < predicates.length; i++) {
            if (!Double.isNaN(jaroWinklerThreshold[i])) {
                if (va == null || vb == null) {
                    continue;
                }
                if (jaroWinkler < 0) {
                    jaroWinkler = StringSimilarity.jaroWinkler(va, vb);
                }
                if (jaroWinkler >= jaroWinklerThreshold[i]) {
                    return i;
                }
            } else if (predicates[i].test(va, vb, a, b)) {
                return i;
            }
        }
        throw new IllegalStateException("comparison '" + spec.name() + "' has no level for the pair; end it with an 'else' level");
    }

    public double levelWeight(int level) {
        return weights[level];
    }

    /**
     * Splink's term-frequency adjustment for an exact match on {@code value}: log2(u / tf), with tf floored
     * at the minimum. A value the table has never seen gets no adjustment.
     */
    public double tfAdjustment(int level, String value) {
        if (!tfAdjusted[level] || value == null) {
            return 0;
        }
        Double tf = termFrequencies.get(value);
        if (tf == null) {
            return 0;
        }
        return log2(levelU[level] / Math.max(tf, tfMinimum));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
