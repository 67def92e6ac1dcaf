package org.civiclink.linkage.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A table in a hash map; listing sorts on demand because listings are rare and lookups are not. */
public final class InMemoryTable<V> implements Table<V> {

    private final Map<String, V> entries = new HashMap<>();

    @Override
    public V get(String key) {
        return entries.get(key);
    }

    @Override
    public void put(String key, V value) {
        entries.put(key, value);
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public void forEach(BiConsumer<String, V> visitor) {
        new TreeMap<>(entries).forEach(visitor);
    }

    public int size() {
        return entries.size();
    }
}
