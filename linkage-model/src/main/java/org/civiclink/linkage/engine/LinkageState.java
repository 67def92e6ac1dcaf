package org.civiclink.linkage.engine;

import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.StandardizedRecord;

/**
 * Everything the engine remembers between records. Each table is keyed by a string: a record id,
 * a blocking key, an evidence value or a client id.
 *
 * @param sources        record id → the record as the agency sent it (what queries show, with its source)
 * @param records        record id → the record as standardized when it last arrived
 * @param blocks         blocking key → the records that produced it
 * @param evidenceUsage  "field:value" → which records (and identity keys) share an SSN, phone or address (genericity)
 * @param links          record id → its links: model links at or above the threshold without a conflict, and forced links
 * @param decisions      record id → operators' force-link and unlink decisions involving it
 * @param recordClients  record id → the client it belongs to
 * @param clients        client id → members, or the id it was merged into
 * @param possibleMatches "left|right" → a pair for review: between the thresholds, or above the link
 *                        threshold but kept apart by a conflict
 */
public record LinkageState(
        Table<SourceRecord> sources,
        Table<StandardizedRecord> records,
        Table<Block> blocks,
        Table<EvidenceUsage> evidenceUsage,
        Table<Links> links,
        Table<Decisions> decisions,
        Table<String> recordClients,
        Table<Client> clients,
        Table<PossibleMatch> possibleMatches) {

    /** State held in sorted in-memory maps, for the batch command and tests. */
    public static LinkageState inMemory() {
        return new LinkageState(new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>(),
                new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>(),
                new InMemoryTable<>());
    }
}
