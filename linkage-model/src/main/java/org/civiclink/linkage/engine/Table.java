package org.civiclink.linkage.engine;

import java.util.function.BiConsumer;

/**
 * One key-value table of linkage state. The batch command keeps tables in memory; the streaming
 * service backs them with Kafka Streams' persistent (RocksDB) stores, so both run the same engine.
 */
public interface Table<V> {

    /** The value, or null when the key is absent. */
    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Visits every entry in key order; used by listings, never by the per-event path. */
    void forEach(BiConsumer<String, V> visitor);
}
