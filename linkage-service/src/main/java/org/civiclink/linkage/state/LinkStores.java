package org.civiclink.linkage.state;

import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.civiclink.linkage.engine.LinkageState;
import org.civiclink.linkage.engine.StateCodecs;
import org.civiclink.linkage.engine.Table;
import org.civiclink.linkage.model.LinkageModel;

/**
 * The linker's persistent (RocksDB, changelogged) stores, one per table of {@link LinkageState}.
 * The topology and the query API both build their view of the state here.
 */
public final class LinkStores {

    public static final String SOURCES = "linkage-sources";
    public static final String RECORDS = "linkage-records";
    public static final String BLOCKS = "linkage-blocks";
    public static final String EVIDENCE_USAGE = "linkage-evidence-usage";
    public static final String LINKS = "linkage-links";
    public static final String DECISIONS = "linkage-decisions";
    public static final String RECORD_CLIENTS = "linkage-record-clients";
    public static final String CLIENTS = "linkage-clients";
    public static final String POSSIBLE_MATCHES = "linkage-possible-matches";

    public static final String[] NAMES = {SOURCES, RECORDS, BLOCKS, EVIDENCE_USAGE, LINKS, DECISIONS, RECORD_CLIENTS,
            CLIENTS, POSSIBLE_MATCHES};

    private LinkStores() {
    }

    public static List<StoreBuilder<KeyValueStore<String, ?>>> builders(LinkageModel model) {
        return List.of(
                store(SOURCES, CodecSerde.of(StateCodecs.SOURCE_RECORD)),
                store(RECORDS, CodecSerde.of(model::encode, model::decode)),
                store(BLOCKS, CodecSerde.of(StateCodecs.BLOCK)),
                store(EVIDENCE_USAGE, CodecSerde.of(StateCodecs.EVIDENCE_USAGE)),
                store(LINKS, CodecSerde.of(StateCodecs.LINKS)),
                store(DECISIONS, CodecSerde.of(StateCodecs.DECISIONS)),
                store(RECORD_CLIENTS, Serdes.String()),
                store(CLIENTS, CodecSerde.of(StateCodecs.CLIENT)),
                store(POSSIBLE_MATCHES, CodecSerde.of(StateCodecs.POSSIBLE_MATCH)));
    }

    /** The engine's state over stores found by name, writable in the processor, read-only for queries. */
    public static LinkageState state(Function<String, Table<?>> tableNamed) {
        return new LinkageState(table(tableNamed, SOURCES), table(tableNamed, RECORDS), table(tableNamed, BLOCKS),
                table(tableNamed, EVIDENCE_USAGE), table(tableNamed, LINKS), table(tableNamed, DECISIONS),
                table(tableNamed, RECORD_CLIENTS), table(tableNamed, CLIENTS), table(tableNamed, POSSIBLE_MATCHES));
    }

    @SuppressWarnings("unchecked")
    private static <V> Table<V> table(Function<String, Table<?>> tableNamed, String name) {
        return (Table<V>) tableNamed.apply(name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static StoreBuilder<KeyValueStore<String, ?>> store(String name, Serde<?> valueSerde) {
        // Caching keeps the hot blocks and records in memory between commits, sparing RocksDB reads.
        return (StoreBuilder) Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                valueSerde).withCachingEnabled();
    }
}
