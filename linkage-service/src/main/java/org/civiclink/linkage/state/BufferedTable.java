package org.civiclink.linkage.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.civiclink.linkage.engine.Table;

/**
 * A table whose writes wait in memory until {@link #commit()}; reads see them first. Values are
 * encoded as they are written, so a value the store cannot hold fails the record that wrote it
 * while nothing has reached the store yet.
 */
final class BufferedTable<V> implements Table<V> {

    /** A buffered write; a deletion has neither value nor bytes. */
    private record Write<V>(V value, byte[] bytes) {

        boolean deletes() {
            return bytes == null;
        }
    }

    private final StoreTable<V> store;
    /** Insertion order, so the changelog sees the writes in the order the engine made them. */
    private final Map<String, Write<V>> pending = new LinkedHashMap<>();

    BufferedTable(StoreTable<V> store) {
        this.store = store;
    }

    @Override
    public V get(String key) {
        Write<V> write = pending.get(key);
        return write != null ? write.value() : store.get(key);
    }

    @Override
    public void put(String key, V value) {
        // As for a Kafka Streams store, writing null deletes.
        pending.put(key, value == null ? new Write<>(null, null) : new Write<>(value, store.encode(value)));
    }

    @Override
    public void delete(String key) {
        pending.put(key, new Write<>(null, null));
    }

    @Override
    public void forEach(BiConsumer<String, V> visitor) {
        Map<String, V> merged = new TreeMap<>();
        store.forEach(merged::put);
        pending.forEach((key, write) -> {
            if (write.deletes()) {
                merged.remove(key);
            } else {
                merged.put(key, write.value());
            }
        });
        merged.forEach(visitor);
    }

    void commit() {
        pending.forEach((key, write) -> {
            if (write.deletes()) {
                store.delete(key);
            } else {
                store.putEncoded(key, write.bytes());
            }
        });
        pending.clear();
    }

    void discard() {
        pending.clear();
    }
}
