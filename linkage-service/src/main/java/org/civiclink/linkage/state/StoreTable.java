package org.civiclink.linkage.state;

import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.civiclink.linkage.engine.Table;

/** A linkage table on a Kafka Streams store: writable inside the processor, read-only for queries. */
public final class StoreTable<V> implements Table<V> {

    private final ReadOnlyKeyValueStore<String, V> reads;
    private final KeyValueStore<String, V> writes;

    private StoreTable(ReadOnlyKeyValueStore<String, V> reads, KeyValueStore<String, V> writes) {
        this.reads = reads;
        this.writes = writes;
    }

    public static <V> StoreTable<V> writable(KeyValueStore<String, V> store) {
        return new StoreTable<>(store, store);
    }

    public static <V> StoreTable<V> readOnly(ReadOnlyKeyValueStore<String, V> store) {
        return new StoreTable<>(store, null);
    }

    @Override
    public V get(String key) {
        return reads.get(key);
    }

    @Override
    public void put(String key, V value) {
        writable().put(key, value);
    }

    @Override
    public void delete(String key) {
        writable().delete(key);
    }

    @Override
    public void forEach(BiConsumer<String, V> visitor) {
        try (KeyValueIterator<String, V> all = reads.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                visitor.accept(entry.key, entry.value);
            }
        }
    }

    private KeyValueStore<String, V> writable() {
        if (writes == null) {
            throw new UnsupportedOperationException("queries never change linkage state");
        }
        return writes;
    }
}
