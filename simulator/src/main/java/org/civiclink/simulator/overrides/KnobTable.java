package org.civiclink.simulator.overrides;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knobs of a settings record, named after its components. Deriving the table from the record
 * (rather than listing withers by hand) keeps knob names, record and docs from drifting apart: a new
 * rate in {@code AgencyProfile} is settable the moment it exists. Components of other types (the
 * agency code) are not knobs.
 */
final class KnobTable<R extends Record> {

    private final RecordComponent[] components;
    private final Constructor<R> constructor;
    private final Map<String, Knob> knobs = new LinkedHashMap<>();

    private KnobTable(Class<R> type) {
        this.components = type.getRecordComponents();
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has a canonical constructor", e);
        }
        for (int i = 0; i < components.length; i++) {
            int position = i;
            KnobKind.ofType(components[i].getType())
                    .ifPresent(kind -> knobs.put(components[position].getName(), new Knob(components[position].getName(), kind, position)));
        }
    }

    static <R extends Record> KnobTable<R> of(Class<R> type) {
        return new KnobTable<>(type);
    }

    Optional<Knob> find(String name) {
        return Optional.ofNullable(knobs.get(name));
    }

    /** Knob names in record order, as documented. */
    List<String> names() {
        return List.copyOf(knobs.keySet());
    }

    /**
     * A copy of the record with the given knobs changed, built with one constructor call so that a
     * record checking its components together sees the final combination, not each step.
     *
     * @throws IllegalArgumentException when the record rejects the combination
     */
    R with(R original, Map<Knob, Object> changes) {
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(original);
            }
            changes.forEach((knob, value) -> values[knob.position()] = value);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
