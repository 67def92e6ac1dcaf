package org.civiclink.linkage.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.civiclink.linkage.model.GenericValues;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.model.StandardizedRecord;

/**
 * Candidate selection: which earlier records share a blocking key with a record. The work per
 * record is bounded by the model's maximum block size, never by the number of records known.
 *
 * <p>Records are filed under all their keys, generic values or not, and generic keys are left out
 * only when selecting candidates: a block's members then do not depend on when a value turned
 * generic (or stopped being generic), and a corrected or withdrawn record leaves exactly the
 * blocks it joined.
 */
final class BlockIndex {

    private final LinkageModel model;
    private final Table<Block> blocks;

    BlockIndex(LinkageModel model, Table<Block> blocks) {
        this.model = model;
        this.blocks = blocks;
    }

    /**
     * Files the record under its keys. Returns the other members of blocks that have just become
     * oversized: pairs that only that key brought together are no longer candidates.
     */
    Set<String> register(StandardizedRecord record) {
        Set<String> relink = new LinkedHashSet<>();
        for (String key : model.blockingKeys(record, GenericValues.none())) {
            Block block = blocks.get(key);
            if (block == null) {
                blocks.put(key, new Block(false, List.of(record.recordId())));
            } else if (!block.oversized() && !block.recordIds().contains(record.recordId())) {
                if (block.recordIds().size() + 1 > model.maxBlockSize()) {
                    blocks.put(key, Block.OVERSIZED);
                    relink.addAll(block.recordIds());
                } else {
                    blocks.put(key, block.with(record.recordId()));
                }
            }
        }
        return relink;
    }

    /** Takes the record out of its blocks; an oversized block stays oversized, as it no longer knows its members. */
    void unregister(StandardizedRecord record) {
        for (String key : model.blockingKeys(record, GenericValues.none())) {
            Block block = blocks.get(key);
            if (block != null && !block.oversized() && block.recordIds().contains(record.recordId())) {
                blocks.put(key, block.without(record.recordId()));
            }
        }
    }

    /** Every other record that shares a usable key with this one. */
    Set<String> candidates(StandardizedRecord record, GenericValues generic) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String key : model.blockingKeys(record, generic)) {
            Block block = blocks.get(key);
            if (block != null && !block.oversized()) {
                candidates.addAll(block.recordIds());
            }
        }
        candidates.remove(record.recordId());
        return candidates;
    }
}
