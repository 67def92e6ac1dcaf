package org.civiclink.simulator.overrides;

/**
 * One settable component of a settings record.
 *
 * @param position the component's index in the record, which is also its index in the canonical constructor
 */
record Knob(String name, KnobKind kind, int position) {
}
