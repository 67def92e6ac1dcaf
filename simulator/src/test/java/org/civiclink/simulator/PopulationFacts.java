package org.civiclink.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civiclink.simulator.population.PopulationSettings;
import org.civiclink.simulator.records.SourceRecord;

/** Questions about generated records that need the ground truth (person_id) to answer. */
final class PopulationFacts {

    /** The documented placeholder SSNs: typed instead of a real one, so never evidence about a person. */
    static final Set<String> PLACEHOLDER_SSNS = Set.of("000-00-0000", "123-45-6789", "999-99-9999", "111-11-1111", "078-05-1120");

    private PopulationFacts() {
    }

    static List<SourceRecord> generate(Simulation simulation) {
        List<SourceRecord> records = new ArrayList<>();
        simulation.run(records::add);
        return records;
    }

    static Map<String, List<SourceRecord>> byPerson(List<SourceRecord> records) {
        return records.stream().collect(Collectors.groupingBy(SourceRecord::personId));
    }

    static boolean hasRealSsn(SourceRecord record) {
        return !record.ssn().isEmpty() && !PLACEHOLDER_SSNS.contains(record.ssn());
    }

    /** The surname without case and without a Jr/Sr suffix, which agencies add or leave off at will. */
    static String surname(String lastName) {
        return lastName.toLowerCase(Locale.ROOT).replaceFirst(" (jr|sr)$", "");
    }

    /** Under 18 on the reference date, as far as this record's birth date tells. */
    static boolean isChild(SourceRecord record, PopulationSettings settings) {
        return LocalDate.parse(record.dateOfBirth()).isAfter(settings.referenceDate().minusYears(18));
    }

    static String address(SourceRecord record) {
        return record.street() + "|" + record.zip();
    }

    /**
     * Pairs of different people who share a birth date, surname and address on some of their records:
     * twins, unless unrelated people happen to coincide on all three.
     */
    static Set<Set<String>> twinPairs(List<SourceRecord> records) {
        Map<String, Set<String>> peopleByKey = new HashMap<>();
        // January 1 is skipped: the unknown-date default makes siblings born in one year look alike.
        records.stream().filter(r -> !r.dateOfBirth().endsWith("-01-01")).forEach(r -> peopleByKey.computeIfAbsent(surname(r.lastName()) + "|" + r.dateOfBirth() + "|" + address(r),
                key -> new HashSet<>()).add(r.personId()));
        Set<Set<String>> pairs = new HashSet<>();
        for (Set<String> people : peopleByKey.values()) {
            for (String a : people) {
                for (String b : people) {
                    if (a.compareTo(b) < 0) {
                        pairs.add(Set.of(a, b));
                    }
                }
            }
        }
        return pairs;
    }

    /** Distinct people recorded at each address that at least {@code minimum} people share. */
    static Map<String, Set<String>> crowdedAddresses(List<SourceRecord> records, int minimum) {
        Map<String, Set<String>> peopleAt = new HashMap<>();
        records.forEach(r -> peopleAt.computeIfAbsent(address(r), key -> new HashSet<>()).add(r.personId()));
        peopleAt.values().removeIf(people -> people.size() < minimum);
        return peopleAt;
    }
}
