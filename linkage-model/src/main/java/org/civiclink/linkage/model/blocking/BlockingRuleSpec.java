package org.civiclink.linkage.model.blocking;

import java.util.List;

/**
 * A blocking rule as configured in the model file: records sharing a value of every listed key part are
 * candidates. Part names are those of {@link KeyPart}; a multi-valued part (e.g. name_phonetic) yields one key
 * per value.
 */
public record BlockingRuleSpec(String name, List<String> parts) {

    public BlockingRuleSpec {
        parts = List.copyOf(parts);
    }
}
