package org.civiclink.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civiclink.simulator.io.CanonicalCsv;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realism that matters for linkage is present in a modest population, and runs are reproducible. */
class SimulationTest {

    private static List<SourceRecord> records;
    private static Map<String, List<SourceRecord>> byPerson;

    @BeforeAll
    static void generate() {
        records = new ArrayList<>();
        Simulation.of(7, 20_000).run(records::add);
        byPerson = records.stream().collect(Collectors.groupingBy(SourceRecord::personId));
    }

    @Test
    void sameSeedGivesTheSameFileAndAnotherSeedDoesNot() {
        assertEquals(csv(Simulation.of(11, 500)), csv(Simulation.of(11, 500)));
        assertNotEquals(csv(Simulation.of(11, 500)), csv(Simulation.of(12, 500)));
    }

    @Test
    void everyRecordHasAUniqueIdAndGroundTruth() {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> assertTrue(ids.add(r.recordId()), r.recordId()));
        assertTrue(byPerson.size() >= 20_000);
        assertTrue(records.size() > byPerson.size(), "people should appear at more than one agency");
        assertEquals(Set.of("DHS-SHELTER", "ACS", "HRA", "HHC"),
                records.stream().map(SourceRecord::agency).collect(Collectors.toSet()));
    }

    @Test
    void sheltersAreSharedByManyDistinctPeople() {
        Map<String, Set<String>> peopleAt = new HashMap<>();
        records.stream().filter(r -> r.agency().equals("DHS-SHELTER"))
                .forEach(r -> peopleAt.computeIfAbsent(r.street() + "|" + r.zip(), k -> new HashSet<>()).add(r.personId()));
        long crowded = peopleAt.values().stream().filter(people -> people.size() >= 50).count();
        assertTrue(crowded >= 5, "expected shelter addresses shared by 50+ people, got " + crowded);
    }

    @Test
    void householdsTwinsAndJuniorsShareSurnameAndAddress() {
        Map<String, Set<String>> peopleByNameBirthAddress = new HashMap<>();
        truthPerPerson().forEach(r -> peopleByNameBirthAddress
                .computeIfAbsent(r.lastName() + "|" + r.dateOfBirth() + "|" + r.street(), k -> new HashSet<>()).add(r.personId()));
        assertTrue(peopleByNameBirthAddress.values().stream().anyMatch(people -> people.size() >= 2), "no twins");
        assertTrue(records.stream().anyMatch(r -> r.lastName().endsWith(" Jr")), "no juniors");
        assertTrue(records.stream().anyMatch(r -> r.lastName().endsWith(" Sr")), "no seniors");
    }

    @Test
    void theKnownKindsOfMessAllOccur() {
        assertTrue(count(r -> r.ssn().isEmpty()) > 0, "missing SSNs");
        assertTrue(count(r -> r.ssn().equals("123-45-6789") || r.ssn().equals("000-00-0000")) > 0, "placeholder SSNs");
        assertTrue(count(r -> r.dateOfBirth().endsWith("-01-01")) > records.size() / 400, "January 1 defaults");
        assertTrue(count(r -> r.lastName().contains("-")) > 0, "hyphenated surnames");
        assertTrue(count(r -> r.lastName().contains(" ") && !r.lastName().endsWith(" Jr") && !r.lastName().endsWith(" Sr")) > 0,
                "compound surnames");
        assertTrue(count(r -> r.firstName().equals(r.firstName().toUpperCase()) && r.firstName().length() > 2) > 0, "upper case");
        assertTrue(count(r -> r.firstName().equals("Bill") || r.firstName().equals("Paco") || r.firstName().equals("Liz")) > 0,
                "nicknames");
        assertTrue(disagreeingPeople(SourceRecord::ssn) > 0, "transposed SSN digits");
        assertTrue(disagreeingPeople(SourceRecord::dateOfBirth) > 0, "birth date variants");
        assertTrue(disagreeingPeople(SourceRecord::street) > 0, "moves");
    }

    @Test
    void dataQualityDiffersByAgency() {
        double shelterMissing = missingSsnShare("DHS-SHELTER");
        double benefitsMissing = missingSsnShare("HRA");
        assertTrue(shelterMissing > 3 * benefitsMissing, shelterMissing + " vs " + benefitsMissing);
    }

    @Test
    void errorScaleZeroGivesCleanRecords() {
        List<SourceRecord> clean = new ArrayList<>();
        Simulation.of(3, 2_000).withErrorScale(0).run(clean::add);
        Map<String, Set<String>> birthDates = new HashMap<>();
        clean.forEach(r -> birthDates.computeIfAbsent(r.personId(), k -> new HashSet<>()).add(r.dateOfBirth()));
        assertTrue(birthDates.values().stream().allMatch(dates -> dates.size() == 1));
    }

    @Test
    void csvHasTheCanonicalHeaderAndGroundTruthColumn() {
        String text = csv(Simulation.of(1, 10));
        assertEquals("record_id,agency,first_name,middle_name,last_name,date_of_birth,sex,ssn,street,city,zip,phone,person_id",
                text.lines().findFirst().orElseThrow());
    }

    private static List<SourceRecord> truthPerPerson() {
        return byPerson.values().stream().map(list -> list.get(0)).toList();
    }

    private static long count(java.util.function.Predicate<SourceRecord> predicate) {
        return records.stream().filter(predicate).count();
    }

    private static long disagreeingPeople(java.util.function.Function<SourceRecord, String> field) {
        return byPerson.values().stream()
                .filter(list -> list.stream().map(field).filter(v -> !v.isEmpty()).distinct().count() > 1)
                .count();
    }

    private static double missingSsnShare(String agency) {
        List<SourceRecord> at = records.stream().filter(r -> r.agency().equals(agency)).toList();
        return (double) at.stream().filter(r -> r.ssn().isEmpty()).count() / at.size();
    }

    private static String csv(Simulation simulation) {
        StringWriter out = new StringWriter();
        try (CanonicalCsv csv = new CanonicalCsv(out)) {
            simulation.run(csv::write);
        }
        return out.toString();
    }
}
