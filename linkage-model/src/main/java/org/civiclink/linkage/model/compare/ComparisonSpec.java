package org.civiclink.linkage.model.compare;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A comparison of one field as configured in the model file: ordered levels (first match wins) and, for
 * names, the term-frequency table (relative frequency of each standardized value).
 *
 * @param tfMinimum floor of a value's frequency so that a rare value's weight stays bounded
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ComparisonSpec(String name, String field, List<LevelSpec> levels, Double tfMinimum,
        Map<String, Double> termFrequencies) {

    public ComparisonSpec {
        levels = List.copyOf(levels);
        termFrequencies = termFrequencies == null ? Map.of() : termFrequencies;
    }

    public ComparisonSpec withLevels(List<LevelSpec> newLevels) {
        return new ComparisonSpec(name, field, newLevels, tfMinimum, termFrequencies);
    }

    public ComparisonSpec withTermFrequencies(Map<String, Double> table) {
        return new ComparisonSpec(name, field, levels, tfMinimum, table);
    }
}
