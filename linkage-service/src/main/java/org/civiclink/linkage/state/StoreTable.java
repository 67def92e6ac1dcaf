package org.civiclink.linkage.state;

import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.civiclink.linkage.engine.StateCodecs;
import org.civiclink.linkage.engine.Table;

/**
 * A linkage table on a Kafka Streams store of encoded values. The table, not the store, encodes,
 * so that a write buffer can encode when a value is written (and fail the record then) and later
 * hand the store bytes that can no longer fail.
 */
final class StoreTable<V> implements Table<V> {

    private final ReadOnlyKeyValueStore<String, byte[]> reads;
    private final KeyValueStore<String, byte[]> writes;
    private final StateCodecs.Codec<V> codec;

    private StoreTable(ReadOnlyKeyValueStore<String, byte[]> reads, KeyValueStore<String, byte[]> writes,
                       StateCodecs.Codec<V> codec) {
        this.reads = reads;
        this.writes = writes;
        this.codec = codec;
    }

    static <V> StoreTable<V> writable(KeyValueStore<String, byte[]> store, StateCodecs.Codec<V> codec) {
        return new StoreTable<>(store, store, codec);
    }

    static <V> StoreTable<V> readOnly(ReadOnlyKeyValueStore<String, byte[]> store, StateCodecs.Codec<V> codec) {
        return new StoreTable<>(store, null, codec);
    }

    @Override
    public V get(String key) {
        byte[] bytes = reads.get(key);
        return bytes == null ? null : codec.decode(bytes);
    }

    @Override
    public void put(String key, V value) {
        putEncoded(key, encode(value));
    }

    @Override
    public void delete(String key) {
        writable().delete(key);
    }

    @Override
    public void forEach(BiConsumer<String, V> visitor) {
        try (KeyValueIterator<String, byte[]> all = reads.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                visitor.accept(entry.key, codec.decode(entry.value));
            }
        }
    }

    byte[] encode(V value) {
        return codec.encode(value);
    }

    void putEncoded(String key, byte[] bytes) {
        writable().put(key, bytes);
    }

    private KeyValueStore<String, byte[]> writable() {
        if (writes == null) {
            throw new UnsupportedOperationException("queries never change linkage state");
        }
        return writes;
    }
}
