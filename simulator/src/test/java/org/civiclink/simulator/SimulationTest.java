package org.civiclink.simulator;

import static org.civiclink.simulator.PopulationFacts.address;
import static org.civiclink.simulator.PopulationFacts.hasRealSsn;
import static org.civiclink.simulator.PopulationFacts.surname;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civiclink.simulator.io.CanonicalCsv;
import org.civiclink.simulator.names.NameBank;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realism that matters for linkage is present in a modest population, proven with the ground
 * truth: each kind of error is recognised by the shape it leaves between two records of one person,
 * not by counting values that merely disagree. Runs are reproducible.
 */
class SimulationTest {

    static final Simulation SIMULATION = Simulation.of(7, 8_000);

    private static List<SourceRecord> records;
    private static Map<String, List<SourceRecord>> byPerson;

    @BeforeAll
    static void generate() {
        records = PopulationFacts.generate(SIMULATION);
        byPerson = PopulationFacts.byPerson(records);
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
        assertTrue(byPerson.size() >= 8_000);
        assertTrue(records.size() > byPerson.size(), "people should appear at more than one agency");
        assertEquals(Set.of("DHS-SHELTER", "ACS", "HRA", "HHC"),
                records.stream().map(SourceRecord::agency).collect(Collectors.toSet()));
    }

    @Test
    void aRealSsnBelongsToOnePersonAndItsVariantsAreAdjacentTranspositions() {
        Map<String, Set<String>> peopleBySsn = new HashMap<>();
        records.stream().filter(PopulationFacts::hasRealSsn)
                .forEach(r -> peopleBySsn.computeIfAbsent(r.ssn(), k -> new HashSet<>()).add(r.personId()));
        peopleBySsn.forEach((ssn, people) -> assertEquals(1, people.size(), ssn + " is recorded for " + people));

        long transposed = 0;
        for (List<SourceRecord> own : byPerson.values()) {
            Set<String> ssns = values(own.stream().filter(PopulationFacts::hasRealSsn), SourceRecord::ssn);
            // Every real SSN of a person is the true one or one adjacent swap away from it, whatever the true one is.
            assertTrue(withinOneSwapOfACommonSsn(ssns), own.get(0).personId() + " has unrelated SSNs " + ssns);
            if (pairs(ssns).anyMatch(pair -> isAdjacentSwap(pair.get(0), pair.get(1)))) {
                transposed++;
            }
        }
        assertTrue(transposed >= 50, "people with an SSN and its adjacent transposition: " + transposed);
    }

    @Test
    void birthDatesDifferByDayMonthSwapsJanuaryFirstDefaultsOrOneDigit() {
        Map<BirthDateDifference, Long> kinds = new EnumMap<>(BirthDateDifference.class);
        byPerson.values().forEach(own -> pairs(values(own.stream(), SourceRecord::dateOfBirth))
                .map(pair -> BirthDateDifference.of(LocalDate.parse(pair.get(0)), LocalDate.parse(pair.get(1))))
                .forEach(kind -> kinds.merge(kind, 1L, Long::sum)));
        assertTrue(kinds.getOrDefault(BirthDateDifference.DAY_MONTH_SWAP, 0L) >= 30, kinds.toString());
        assertTrue(kinds.getOrDefault(BirthDateDifference.JANUARY_FIRST_DEFAULT, 0L) >= 30, kinds.toString());
        assertTrue(kinds.getOrDefault(BirthDateDifference.ONE_DIGIT, 0L) >= 30, kinds.toString());
        // Unexplained differences need two errors on two records of one person: rare.
        long total = kinds.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(kinds.getOrDefault(BirthDateDifference.OTHER, 0L) * 10 < total, kinds.toString());
    }

    @Test
    void marriedPartnersAreSometimesRecordedUnderTheirMaidenName() {
        Map<String, Map<String, Set<String>>> surnamesByPersonAtAddress = new HashMap<>();
        records.forEach(r -> surnamesByPersonAtAddress.computeIfAbsent(address(r), k -> new HashMap<>())
                .computeIfAbsent(r.personId(), k -> new HashSet<>()).add(surname(r.lastName())));
        long maiden = byPerson.values().stream().filter(own -> {
            Set<String> firstNames = values(own.stream(), r -> surname(r.firstName()));
            List<List<String>> unrelated = pairs(values(own.stream(), r -> surname(r.lastName())))
                    .filter(pair -> unrelatedSurnames(pair.get(0), pair.get(1)))
                    .filter(pair -> !firstNames.contains(pair.get(0)) && !firstNames.contains(pair.get(1)))
                    .toList();
            // The married name is the birth surname of the partner at the same address, who never carries the maiden name.
            return unrelated.stream().anyMatch(pair -> own.stream().anyMatch(r -> surnamesByPersonAtAddress.get(address(r))
                    .entrySet().stream()
                    .filter(other -> !other.getKey().equals(r.personId()))
                    .anyMatch(other -> other.getValue().contains(pair.get(0)) != other.getValue().contains(pair.get(1)))));
        }).count();
        assertTrue(maiden >= 25, "people recorded under a partner's surname and another one: " + maiden);
    }

    @Test
    void firstAndLastNamesAreSometimesSwapped() {
        long swapped = byPerson.values().stream().filter(own -> own.stream().anyMatch(a -> own.stream().anyMatch(b ->
                !surname(a.firstName()).equals(surname(a.lastName()))
                        && surname(a.firstName()).equals(surname(b.lastName()))
                        && surname(a.lastName()).equals(surname(b.firstName()))))).count();
        assertTrue(swapped >= 50, "people with first and last name exchanged on one record: " + swapped);
    }

    @Test
    void keyboardTyposLeaveNamesOneEditApart() {
        NameBank names = NameBank.load();
        long typos = byPerson.values().stream().filter(own ->
                Stream.<Function<SourceRecord, String>>of(r -> surname(r.firstName()), r -> surname(r.lastName()))
                        .flatMap(name -> pairs(values(own.stream(), name)))
                        .filter(pair -> !pair.get(0).replace('-', ' ').equals(pair.get(1).replace('-', ' ')))
                        .filter(pair -> !nicknames(names, pair.get(0), pair.get(1)))
                        .anyMatch(pair -> EditDistance.between(pair.get(0), pair.get(1)) == 1)).count();
        assertTrue(typos >= 100, "people with two spellings of a name one keyboard slip apart: " + typos);
    }

    @Test
    void childrenOftenHaveNoSsnAtAll() {
        Map<Boolean, List<List<SourceRecord>>> byChildhood = byPerson.values().stream()
                .filter(own -> agreeOnChildhood(own))
                .collect(Collectors.partitioningBy(own -> isChild(own.get(0))));
        double children = shareWithoutSsn(byChildhood.get(true));
        double adults = shareWithoutSsn(byChildhood.get(false));
        assertTrue(children > 0.4 && children > 2 * adults, "without any SSN: children " + children + ", adults " + adults);
    }

    @Test
    void twinsAreChildrenSharingBirthDateSurnameAndAddress() {
        Set<Set<String>> pairs = PopulationFacts.twinPairs(records);
        long childPairs = pairs.stream().filter(pair -> pair.stream().allMatch(SimulationTest::isChild)).count();
        assertTrue(childPairs >= 15, "pairs of children sharing birth date, surname and address: " + childPairs);
        // Adults coincide on all three only by chance (a couple born on one day): rare.
        assertTrue(childPairs * 10 >= pairs.size() * 9, childPairs + " of " + pairs.size() + " such pairs are children");
    }

    @Test
    void juniorsAndSeniorsCarryTheirSuffixOnSomeRecords() {
        assertTrue(records.stream().anyMatch(r -> r.lastName().endsWith(" Jr")), "no juniors");
        assertTrue(records.stream().anyMatch(r -> r.lastName().endsWith(" Sr")), "no seniors");
    }

    @Test
    void sheltersAreFewAddressesSharedByManyUnrelatedPeople() {
        Map<String, Set<String>> crowded = PopulationFacts.crowdedAddresses(records, 30);
        assertTrue(crowded.size() >= 5 && crowded.size() <= SIMULATION.population().shelters(),
                "addresses shared by 30+ people: " + crowded.size());
        crowded.forEach((address, people) -> {
            Set<String> surnames = people.stream().map(person -> surname(byPerson.get(person).get(0).lastName()))
                    .collect(Collectors.toSet());
            assertTrue(surnames.size() >= 10, address + " has only the surnames " + surnames);
            assertTrue(people.stream().anyMatch(person -> byPerson.get(person).stream()
                    .anyMatch(r -> r.agency().equals("DHS-SHELTER"))), address + " is no shelter");
        });
    }

    @Test
    void theKnownKindsOfMessAllOccur() {
        assertTrue(count(r -> PopulationFacts.PLACEHOLDER_SSNS.contains(r.ssn())) > 0, "placeholder SSNs");
        assertTrue(count(r -> r.lastName().contains("-")) > 0, "hyphenated surnames");
        assertTrue(count(r -> r.lastName().contains(" ") && !r.lastName().endsWith(" Jr") && !r.lastName().endsWith(" Sr")) > 0,
                "compound surnames");
        assertTrue(count(r -> r.firstName().equals("Bill") || r.firstName().equals("Paco") || r.firstName().equals("Liz")) > 0,
                "nicknames");
        assertTrue(byPerson.values().stream().anyMatch(own -> values(own.stream(), PopulationFacts::address).size() > 1), "moves");
    }

    @Test
    void theSamePeopleAreRecordedWorseAtTheShelterThanAtBenefits() {
        // Comparing one set of adults at both agencies leaves only the agencies' habits as the difference.
        List<SourceRecord> atBoth = byPerson.values().stream()
                .filter(own -> own.stream().anyMatch(r -> r.agency().equals("DHS-SHELTER")) && own.stream().anyMatch(r -> r.agency().equals("HRA")))
                .flatMap(List::stream).toList();
        assertTrue(atBoth.size() >= 400, "records of people known at both: " + atBoth.size());
        assertClearlyWorse(atBoth, r -> r.ssn().isEmpty(), "missing SSN");
        assertClearlyWorse(atBoth, r -> r.firstName().length() > 1
                && (r.firstName().equals(r.firstName().toUpperCase(Locale.ROOT)) || r.firstName().equals(r.firstName().toLowerCase(Locale.ROOT))),
                "single-case first name");
    }

    @Test
    void errorScaleZeroGivesCleanRecords() {
        List<SourceRecord> clean = PopulationFacts.generate(Simulation.of(3, 2_000).withErrorScale(0));
        PopulationFacts.byPerson(clean).values().forEach(own -> {
            assertEquals(1, values(own.stream(), SourceRecord::dateOfBirth).size(), own.toString());
            assertEquals(1, values(own.stream(), r -> surname(r.lastName())).size(), own.toString());
        });
    }

    @Test
    void csvHasTheCanonicalHeaderAndGroundTruthColumn() {
        String text = csv(Simulation.of(1, 10));
        assertEquals("record_id,agency,first_name,middle_name,last_name,date_of_birth,sex,ssn,street,city,zip,phone,person_id",
                text.lines().findFirst().orElseThrow());
    }

    static String csv(Simulation simulation) {
        StringWriter out = new StringWriter();
        try (CanonicalCsv csv = new CanonicalCsv(out)) {
            simulation.run(csv::write);
        }
        return out.toString();
    }

    private static void assertClearlyWorse(List<SourceRecord> sample, Predicate<SourceRecord> error, String what) {
        double shelter = share(sample, "DHS-SHELTER", error);
        double benefits = share(sample, "HRA", error);
        assertTrue(shelter > 3 * benefits, what + ": DHS-SHELTER " + shelter + " vs HRA " + benefits);
    }

    private static double share(List<SourceRecord> sample, String agency, Predicate<SourceRecord> error) {
        List<SourceRecord> at = sample.stream().filter(r -> r.agency().equals(agency)).toList();
        return (double) at.stream().filter(error).count() / at.size();
    }

    private static boolean isChild(SourceRecord record) {
        return PopulationFacts.isChild(record, SIMULATION.population());
    }

    private static boolean isChild(String person) {
        return byPerson.get(person).stream().allMatch(SimulationTest::isChild);
    }

    /** Whether a wrong birth year leaves it unclear which side of 18 the person is. */
    private static boolean agreeOnChildhood(List<SourceRecord> own) {
        return own.stream().map(SimulationTest::isChild).distinct().count() == 1;
    }

    private static double shareWithoutSsn(List<List<SourceRecord>> people) {
        return (double) people.stream().filter(own -> own.stream().noneMatch(PopulationFacts::hasRealSsn)).count() / people.size();
    }

    /** Neither a spelling variant (one edit) nor a part of the other, as compound surnames are shortened. */
    private static boolean unrelatedSurnames(String a, String b) {
        Set<String> wordsOfA = Set.of(a.split("[ -]"));
        return EditDistance.between(a, b) > 1 && Stream.of(b.split("[ -]")).noneMatch(wordsOfA::contains);
    }

    private static boolean nicknames(NameBank names, String a, String b) {
        return names.nicknamesOf(capitalized(a)).contains(capitalized(b)) || names.nicknamesOf(capitalized(b)).contains(capitalized(a));
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean withinOneSwapOfACommonSsn(Set<String> ssns) {
        if (ssns.isEmpty()) {
            return true;
        }
        Set<String> candidates = new HashSet<>(ssns);
        ssns.forEach(ssn -> candidates.addAll(adjacentSwaps(ssn)));
        return candidates.stream().anyMatch(centre -> ssns.stream().allMatch(ssn -> ssn.equals(centre) || isAdjacentSwap(ssn, centre)));
    }

    private static boolean isAdjacentSwap(String a, String b) {
        return adjacentSwaps(a).contains(b);
    }

    private static Set<String> adjacentSwaps(String ssn) {
        Set<String> swaps = new HashSet<>();
        for (int i = 0; i + 1 < ssn.length(); i++) {
            char[] chars = ssn.toCharArray();
            if (Character.isDigit(chars[i]) && Character.isDigit(chars[i + 1]) && chars[i] != chars[i + 1]) {
                chars[i] = ssn.charAt(i + 1);
                chars[i + 1] = ssn.charAt(i);
                swaps.add(new String(chars));
            }
        }
        return swaps;
    }

    private static Set<String> values(Stream<SourceRecord> own, Function<SourceRecord, String> field) {
        return own.map(field).filter(value -> !value.isEmpty()).collect(Collectors.toCollection(HashSet::new));
    }

    /** Every unordered pair of distinct values. */
    private static Stream<List<String>> pairs(Set<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(null);
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                pairs.add(List.of(sorted.get(i), sorted.get(j)));
            }
        }
        return pairs.stream();
    }

    private static long count(Predicate<SourceRecord> predicate) {
        return records.stream().filter(predicate).count();
    }
}
