package org.civiclink.deploy.simulate;

import java.util.List;

import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.overrides.SimulationOverrides;

/**
 * Which synthetic population a command works on, whatever its size: seed, error scale and the
 * knobs set by name ({@code --set NAME=VALUE}, docs/simulator.md).
 */
public record PopulationSpec(long seed, double errorScale, SimulationOverrides overrides) {

    /** Parses the overrides at once, so a bad {@code --set} stops a command before anything runs. */
    public static PopulationSpec of(long seed, double errorScale, List<String> settings) {
        return new PopulationSpec(seed, errorScale, SimulationOverrides.parse(settings == null ? List.of() : settings));
    }

    public Simulation simulation(long people) {
        return Simulation.of(seed, people).withOverrides(overrides).withErrorScale(errorScale);
    }
}
