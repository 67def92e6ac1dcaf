package org.civiclink.simulator.overrides;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** The kinds of value a knob takes, each with its parser and its valid range. */
enum KnobKind {

    RATE("a number from 0 to 1") {
        @Override
        Object parseValid(String text) {
            double rate = Double.parseDouble(text);
            // The negated range test also rejects NaN.
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException();
            }
            return rate;
        }
    },
    COUNT("a whole number of at least 1") {
        @Override
        Object parseValid(String text) {
            int count = Integer.parseInt(text);
            if (count < 1) {
                throw new IllegalArgumentException();
            }
            return count;
        }
    },
    DATE("a date YYYY-MM-DD") {
        @Override
        Object parseValid(String text) {
            return LocalDate.parse(text);
        }
    };

    // Knob kinds follow the Java type of the record component: every double of the settings records is a rate.
    private static final Map<Class<?>, KnobKind> BY_TYPE = Map.of(double.class, RATE, int.class, COUNT, LocalDate.class, DATE);

    private final String expected;

    KnobKind(String expected) {
        this.expected = expected;
    }

    /** What a valid value looks like, for error messages. */
    String expected() {
        return expected;
    }

    static Optional<KnobKind> ofType(Class<?> type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** @throws IllegalArgumentException (without a message) when the text is unparsable or out of range */
    abstract Object parseValid(String text);

    /** The value, or empty when the text is unparsable or out of range. */
    Optional<Object> parse(String text) {
        try {
            return Optional.of(parseValid(text));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
