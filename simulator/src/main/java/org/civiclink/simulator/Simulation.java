package org.civiclink.simulator;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.civiclink.simulator.names.NameBank;
import org.civiclink.simulator.overrides.SimulationOverrides;
import org.civiclink.simulator.population.Person;
import org.civiclink.simulator.population.PopulationGenerator;
import org.civiclink.simulator.population.PopulationSettings;
import org.civiclink.simulator.records.AgencyProfile;
import org.civiclink.simulator.records.RecordGenerator;
import org.civiclink.simulator.records.SourceRecord;

/**
 * A synthetic multi-agency population with ground truth. The same settings and seed give the same
 * records, byte for byte; records stream out household by household, so memory stays flat.
 *
 * @param people      how many people to generate (the household that crosses the count is completed)
 * @param errorScale  multiplies every agency error rate: 0 gives clean data, 2 twice the usual mess
 */
public record Simulation(long seed, long people, PopulationSettings population, List<AgencyProfile> agencies, double errorScale) {

    public static Simulation of(long seed, long people) {
        return new Simulation(seed, people, PopulationSettings.defaults(), AgencyProfile.defaults(), 1.0);
    }

    public Simulation withErrorScale(double scale) {
        return new Simulation(seed, people, population, agencies, scale);
    }

    /**
     * The same simulation with knobs set by name, e.g. {@code List.of("shelterShare=0.2", "DHS-SHELTER.typoRate=0.15")}:
     * see {@link SimulationOverrides} for the syntax. The error scale still multiplies the agency rates set here.
     *
     * @throws IllegalArgumentException naming the first entry that is malformed, unknown or out of range
     */
    public Simulation withOverrides(List<String> entries) {
        return withOverrides(SimulationOverrides.parse(entries));
    }

    public Simulation withOverrides(SimulationOverrides overrides) {
        return new Simulation(seed, people, overrides.applyTo(population), overrides.applyTo(agencies), errorScale);
    }

    /** @return how many records were produced */
    public long run(Consumer<SourceRecord> sink) {
        NameBank names = NameBank.load();
        SplittableRandom random = new SplittableRandom(seed);
        PopulationGenerator populationGenerator = new PopulationGenerator(names, population, random.split());
        RecordGenerator recordGenerator = new RecordGenerator(
                agencies.stream().map(profile -> profile.scaled(errorScale)).toList(), names, random.split());
        long generated = 0;
        long records = 0;
        while (generated < people) {
            for (Person person : populationGenerator.nextHousehold()) {
                for (SourceRecord record : recordGenerator.recordsOf(person)) {
                    sink.accept(record);
                    records++;
                }
                generated++;
            }
        }
        return records;
    }
}
