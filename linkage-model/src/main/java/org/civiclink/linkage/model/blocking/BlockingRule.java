package org.civiclink.linkage.model.blocking;

import java.util.ArrayList;
import java.util.List;

import org.civiclink.linkage.model.EvidenceValue;
import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.StandardizedRecord;

/** A compiled blocking rule: builds a record's keys, "rule:part1:part2", leaving out keys with generic values. */
public final class BlockingRule {

    private final BlockingRuleSpec spec;
    private final KeyPart[] parts;

    public BlockingRule(BlockingRuleSpec spec) {
        if (spec.parts().isEmpty()) {
            throw new IllegalArgumentException("blocking rule '" + spec.name() + "' has no key parts");
        }
        this.spec = spec;
        this.parts = spec.parts().stream().map(KeyPart::fromJson).toArray(KeyPart[]::new);
    }

    public BlockingRuleSpec spec() {
        return spec;
    }

    /** The comparison fields this rule selects on. */
    public java.util.Set<org.civiclink.linkage.model.compare.Field> fields() {
        java.util.Set<org.civiclink.linkage.model.compare.Field> fields = java.util.EnumSet.noneOf(org.civiclink.linkage.model.compare.Field.class);
        for (KeyPart part : parts) {
            fields.addAll(part.fields());
        }
        return fields;
    }

    public String name() {
        return spec.name();
    }

    /** Adds this rule's keys for the record to {@code out} (skipping any already there). */
    public void keys(StandardizedRecord record, GenericValues generic, List<String> out) {
        List<String> prefixes = List.of(spec.name());
        for (KeyPart part : parts) {
            List<String> values = part.values(record);
            if (values.isEmpty()) {
                return;
            }
            List<String> next = new ArrayList<>(prefixes.size() * values.size());
            for (String value : values) {
                if (part.evidenceField() != null && generic.isGeneric(new EvidenceValue(part.evidenceField(), value))) {
                    continue;
                }
                for (String prefix : prefixes) {
                    next.add(prefix + ":" + value);
                }
            }
            if (next.isEmpty()) {
                return;
            }
            prefixes = next;
        }
        for (String key : prefixes) {
            if (!out.contains(key)) {
                out.add(key);
            }
        }
    }
}
