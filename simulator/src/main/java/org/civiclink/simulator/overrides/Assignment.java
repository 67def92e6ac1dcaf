package org.civiclink.simulator.overrides;

import java.util.Optional;

/**
 * One parsed {@code NAME=VALUE} entry.
 *
 * @param entry  the entry as given, for error messages
 * @param agency empty for a population knob; an agency code, or {@code *} for every agency
 * @param value  already parsed and range-checked for the knob's kind
 */
record Assignment(String entry, Optional<String> agency, Knob knob, Object value) {

    static final String ALL_AGENCIES = "*";

    boolean appliesTo(String agencyCode) {
        return agency.filter(code -> code.equals(ALL_AGENCIES) || code.equals(agencyCode)).isPresent();
    }
}
