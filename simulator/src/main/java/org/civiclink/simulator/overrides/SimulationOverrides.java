package org.civiclink.simulator.overrides;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.civiclink.simulator.population.PopulationSettings;
import org.civiclink.simulator.records.AgencyProfile;

/**
 * Simulation knobs set by name, as {@code NAME=VALUE} entries (the CLI's repeatable {@code --set}):
 * {@code twinRate=0.05} sets a population knob ({@link PopulationSettings}), {@code HRA.typoRate=0.1}
 * one agency's error rate ({@link AgencyProfile}) and {@code *.missingSsnRate=0.5} that rate at every
 * agency. Names are the record components, as documented in docs/simulator.md. Entries apply in
 * order, so a later entry wins: {@code *.typoRate=0, HRA.typoRate=0.1}. Rates must be within [0, 1],
 * counts at least 1, dates {@code YYYY-MM-DD}; anything else fails at {@link #parse} with an
 * {@link IllegalArgumentException} naming the entry.
 */
public final class SimulationOverrides {

    private static final KnobTable<PopulationSettings> POPULATION = KnobTable.of(PopulationSettings.class);
    private static final KnobTable<AgencyProfile> AGENCY = KnobTable.of(AgencyProfile.class);
    private static final List<String> AGENCIES = AgencyProfile.defaults().stream().map(AgencyProfile::agencyCode).toList();

    private final List<Assignment> assignments;

    private SimulationOverrides(List<Assignment> assignments) {
        this.assignments = assignments;
    }

    public static SimulationOverrides none() {
        return new SimulationOverrides(List.of());
    }

    /** @throws IllegalArgumentException for the first entry that is malformed, unknown or out of range */
    public static SimulationOverrides parse(List<String> entries) {
        return new SimulationOverrides(entries.stream().map(SimulationOverrides::assignment).toList());
    }

    /** The entries as given, for reports that must show how a population was made. */
    public List<String> entries() {
        return assignments.stream().map(Assignment::entry).toList();
    }

    public PopulationSettings applyTo(PopulationSettings settings) {
        return apply(POPULATION, settings, assignment -> assignment.agency().isEmpty());
    }

    /** @throws IllegalArgumentException when an entry names an agency missing from {@code profiles} */
    public List<AgencyProfile> applyTo(List<AgencyProfile> profiles) {
        List<String> codes = profiles.stream().map(AgencyProfile::agencyCode).toList();
        assignments.stream()
                .filter(assignment -> assignment.agency().filter(code -> !isAgency(code, codes)).isPresent())
                .findFirst()
                .ifPresent(assignment -> {
                    throw unknownAgency(assignment.entry(), assignment.agency().orElseThrow(), codes);
                });
        return profiles.stream()
                .map(profile -> apply(AGENCY, profile, assignment -> assignment.appliesTo(profile.agencyCode())))
                .toList();
    }

    /** Every settable name, for help texts and error messages. */
    public static String validNames() {
        return "population settings: " + String.join(", ", POPULATION.names())
                + "; agency settings, as AGENCY.NAME or *.NAME for every agency (agencies: " + String.join(", ", AGENCIES)
                + "): " + String.join(", ", AGENCY.names());
    }

    private static Assignment assignment(String entry) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            throw invalid(entry, "expected NAME=VALUE; " + validNames());
        }
        String name = entry.substring(0, equals).trim();
        String text = entry.substring(equals + 1).trim();
        // Agency codes contain dashes, never dots, so the last dot separates agency from knob.
        int dot = name.lastIndexOf('.');
        Optional<String> agency = dot < 0 ? Optional.empty() : Optional.of(name.substring(0, dot));
        String knobName = name.substring(dot + 1);
        if (agency.isPresent() && !isAgency(agency.get(), AGENCIES)) {
            throw unknownAgency(entry, agency.get(), AGENCIES);
        }
        Knob knob = (agency.isPresent() ? AGENCY : POPULATION).find(knobName)
                .orElseThrow(() -> invalid(entry, "unknown " + (agency.isPresent() ? "agency" : "population")
                        + " setting '" + knobName + "'; " + validNames()));
        Object value = knob.kind().parse(text)
                .orElseThrow(() -> invalid(entry, knobName + " must be " + knob.kind().expected() + ", not '" + text + "'"));
        return new Assignment(entry, agency, knob, value);
    }

    private <R extends Record> R apply(KnobTable<R> table, R original, Predicate<Assignment> applies) {
        List<Assignment> relevant = assignments.stream().filter(applies).toList();
        if (relevant.isEmpty()) {
            return original;
        }
        Map<Knob, Object> changes = new LinkedHashMap<>();
        relevant.forEach(assignment -> changes.put(assignment.knob(), assignment.value()));
        try {
            return table.with(original, changes);
        } catch (IllegalArgumentException rejected) {
            throw new IllegalArgumentException("simulation settings "
                    + relevant.stream().map(Assignment::entry).collect(Collectors.joining(", ", "[", "]"))
                    + ": " + rejected.getMessage(), rejected);
        }
    }

    private static boolean isAgency(String code, List<String> codes) {
        return code.equals(Assignment.ALL_AGENCIES) || codes.contains(code);
    }

    private static IllegalArgumentException unknownAgency(String entry, String agency, List<String> codes) {
        return invalid(entry, "unknown agency '" + agency + "'; agencies: " + String.join(", ", codes)
                + ", or " + Assignment.ALL_AGENCIES + " for every agency");
    }

    private static IllegalArgumentException invalid(String entry, String problem) {
        return new IllegalArgumentException("simulation setting '" + entry + "': " + problem);
    }
}
