package org.civiclink.linkage.stream;

import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.civiclink.linkage.engine.Table;

/** A table that fails a chosen write, to see what a failure halfway through a record leaves behind. */
final class FailingTable<V> implements Table<V> {

    private final Table<V> delegate;
    private final Predicate<V> fails;

    FailingTable(Table<V> delegate, Predicate<V> fails) {
        this.delegate = delegate;
        this.fails = fails;
    }

    @Override
    public V get(String key) {
        return delegate.get(key);
    }

    @Override
    public void put(String key, V value) {
        if (fails.test(value)) {
            throw new IllegalStateException("injected store failure writing " + key);
        }
        delegate.put(key, value);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public void forEach(BiConsumer<String, V> visitor) {
        delegate.forEach(visitor);
    }
}
