package org.civiclink.linkage.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.civiclink.linkage.engine.LinkageState;
import org.civiclink.linkage.engine.StateCodecs;
import org.civiclink.linkage.engine.Table;
import org.civiclink.linkage.model.LinkageModel;

/**
 * The linker's persistent (RocksDB, changelogged) stores, one per table of {@link LinkageState}.
 * The stores hold the engine's encoded values; the topology and the query API both build their
 * view of the state here.
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

    /** Encoded as a Kafka String serde does, so the stores read what earlier versions wrote. */
    private static final StateCodecs.Codec<String> UTF8 = codec(value -> value.getBytes(StandardCharsets.UTF_8),
            bytes -> new String(bytes, StandardCharsets.UTF_8));

    private LinkStores() {
    }

    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> builders() {
        // Caching keeps the hot blocks and records in memory between commits, sparing RocksDB reads.
        return Arrays.stream(NAMES)
                .map(name -> Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                        Serdes.ByteArray()).withCachingEnabled())
                .toList();
    }

    /**
     * The engine's state for queries, read only, on this instance's stores. Throws an
     * InvalidStateStoreException while the stores are restoring or moving.
     */
    public static LinkageState queryable(LinkageModel model, KafkaStreams streams) {
        Map<String, StateCodecs.Codec<?>> codecs = codecs(model);
        return state(name -> StoreTable.readOnly(streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, byte[]>keyValueStore())), codecs.get(name)));
    }

    /** The linking task's state: each record's writes are buffered until {@link BufferedState#commit()}. */
    public static BufferedState buffered(LinkageModel model, Function<String, KeyValueStore<String, byte[]>> storeNamed) {
        Map<String, StateCodecs.Codec<?>> codecs = codecs(model);
        Map<String, StoreTable<?>> stores = new LinkedHashMap<>();
        Map<String, BufferedTable<?>> buffers = new LinkedHashMap<>();
        for (String name : NAMES) {
            StoreTable<?> store = StoreTable.writable(storeNamed.apply(name), codecs.get(name));
            stores.put(name, store);
            buffers.put(name, new BufferedTable<>(store));
        }
        return new BufferedState(state(stores::get), state(buffers::get), new ArrayList<>(buffers.values()));
    }

    private static Map<String, StateCodecs.Codec<?>> codecs(LinkageModel model) {
        return Map.of(
                SOURCES, StateCodecs.SOURCE_RECORD,
                RECORDS, codec(model::encode, model::decode),
                BLOCKS, StateCodecs.BLOCK,
                EVIDENCE_USAGE, StateCodecs.EVIDENCE_USAGE,
                LINKS, StateCodecs.LINKS,
                DECISIONS, StateCodecs.DECISIONS,
                RECORD_CLIENTS, UTF8,
                CLIENTS, StateCodecs.CLIENT,
                POSSIBLE_MATCHES, StateCodecs.POSSIBLE_MATCH);
    }

    private static LinkageState state(Function<String, Table<?>> tableNamed) {
        return new LinkageState(table(tableNamed, SOURCES), table(tableNamed, RECORDS), table(tableNamed, BLOCKS),
                table(tableNamed, EVIDENCE_USAGE), table(tableNamed, LINKS), table(tableNamed, DECISIONS),
                table(tableNamed, RECORD_CLIENTS), table(tableNamed, CLIENTS), table(tableNamed, POSSIBLE_MATCHES));
    }

    @SuppressWarnings("unchecked")
    private static <V> Table<V> table(Function<String, Table<?>> tableNamed, String name) {
        return (Table<V>) tableNamed.apply(name);
    }

    private static <T> StateCodecs.Codec<T> codec(Function<T, byte[]> encode, Function<byte[], T> decode) {
        return new StateCodecs.Codec<>() {
            @Override
            public byte[] encode(T value) {
                return encode.apply(value);
            }

            @Override
            public T decode(byte[] bytes) {
                return decode.apply(bytes);
            }
        };
    }
}
