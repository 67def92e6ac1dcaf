package org.civiclink.linkage.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The records that share one blocking key. Once more records share it than the model allows, the
 * key is oversized: it stops selecting candidates for good and its member list is dropped.
 */
public record Block(boolean oversized, List<String> recordIds) {

    static final Block OVERSIZED = new Block(true, List.of());

    Block with(String recordId) {
        List<String> ids = new ArrayList<>(recordIds.size() + 1);
        ids.addAll(recordIds);
        ids.add(recordId);
        return new Block(false, ids);
    }

    Block without(String recordId) {
        List<String> ids = new ArrayList<>(recordIds);
        ids.remove(recordId);
        return new Block(oversized, ids);
    }
}
