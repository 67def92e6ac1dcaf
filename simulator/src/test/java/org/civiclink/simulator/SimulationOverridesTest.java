package org.civiclink.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civiclink.simulator.overrides.SimulationOverrides;
import org.civiclink.simulator.population.PopulationSettings;
import org.civiclink.simulator.records.AgencyProfile;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Knobs set by name reach the generated data, and bad entries say what is wrong and what would be right. */
class SimulationOverridesTest {

    private static final Simulation BASE = Simulation.of(7, 3_000);

    @Test
    void noEntriesLeaveTheSimulationAsItWas() {
        assertEquals(BASE, BASE.withOverrides(List.of()));
        assertSame(BASE.population(), BASE.withOverrides(List.of("HRA.typoRate=0.5")).population());
    }

    @Test
    void populationKnobsTakeTheirValues() {
        PopulationSettings settings = BASE.withOverrides(
                List.of("shelterShare=0.12", " twinRate = 0.05 ", "shelters=3", "referenceDate=2026-06-01")).population();
        assertEquals(0.12, settings.shelterShare());
        assertEquals(0.05, settings.twinRate());
        assertEquals(3, settings.shelters());
        assertEquals(LocalDate.of(2026, 6, 1), settings.referenceDate());
        assertEquals(PopulationSettings.defaults().familyShare(), settings.familyShare());
    }

    @Test
    void agencyKnobsApplyToOneAgencyOrAllAndTheLaterEntryWins() {
        Map<String, AgencyProfile> profiles = byCode(BASE.withOverrides(
                List.of("*.missingSsnRate=0.5", "DHS-SHELTER.typoRate=0.1", "*.nicknameRate=0", "HRA.nicknameRate=0.3")));
        Map<String, AgencyProfile> defaults = byCode(BASE);
        profiles.values().forEach(profile -> assertEquals(0.5, profile.missingSsnRate(), profile.agencyCode()));
        assertEquals(0.1, profiles.get("DHS-SHELTER").typoRate());
        assertEquals(defaults.get("HHC").typoRate(), profiles.get("HHC").typoRate());
        assertEquals(0.3, profiles.get("HRA").nicknameRate());
        assertEquals(0.0, profiles.get("ACS").nicknameRate());
    }

    @Test
    void sharesOfOneDrawAreCheckedTogetherWhateverTheOrder() {
        assertEquals(0.3, BASE.withOverrides(List.of("familyShare=0.7", "singleParentShare=0.3")).population().singleParentShare());
        assertEquals(0.7, BASE.withOverrides(List.of("singleParentShare=0.3", "familyShare=0.7")).population().familyShare());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> BASE.withOverrides(List.of("twinRate=0.1", "familyShare=0.9")));
        assertContains(tooMany, "[twinRate=0.1, familyShare=0.9]", "familyShare + singleParentShare must not exceed 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "shelterRate=0.1        | unknown population setting 'shelterRate' | population settings: shelterShare, shelters,",
            "typoRate=0.1           | unknown population setting 'typoRate'    | as AGENCY.NAME or *.NAME",
            "HRA.twinRate=0.1       | unknown agency setting 'twinRate'        | typoRate, nicknameRate,",
            "DHS.typoRate=0.1       | unknown agency 'DHS'                     | agencies: DHS-SHELTER, ACS, HRA, HHC, or *",
            "twinRate               | expected NAME=VALUE                      | population settings: shelterShare",
            "twinRate=often         | twinRate must be a number from 0 to 1    | not 'often'",
            "*.typoRate=1.5         | typoRate must be a number from 0 to 1    | not '1.5'",
            "HRA.typoRate=-0.1      | typoRate must be a number from 0 to 1    | not '-0.1'",
            "twinRate=NaN           | twinRate must be a number from 0 to 1    | not 'NaN'",
            "shelters=0             | shelters must be a whole number of at least 1 | not '0'",
            "shelters=2.5           | shelters must be a whole number of at least 1 | not '2.5'",
            "referenceDate=1/6/2026 | referenceDate must be a date YYYY-MM-DD  | not '1/6/2026'",
    })
    void badEntriesFailNamingTheEntryAndWhatIsValid(String entry, String problem, String help) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SimulationOverrides.parse(List.of(entry)));
        assertContains(error, "simulation setting '" + entry + "'", problem, help);
    }

    @Test
    void everyDocumentedKnobIsSettable() {
        Set<String> names = Stream.of(SimulationOverrides.validNames().split("[^A-Za-z*.-]+")).collect(Collectors.toSet());
        List.of("shelterShare", "shelters", "familyShare", "singleParentShare", "twinRate", "juniorRate", "compoundSurnameRate",
                "hyphenatedRate", "marriedNameRate", "moveRate", "referenceDate", "typoRate", "nicknameRate", "firstLastSwapRate",
                "caseChangeRate", "missingSsnRate", "placeholderSsnRate", "ssnTranspositionRate", "unknownBirthDateRate",
                "dayMonthSwapRate", "birthDateTypoRate", "maidenNameRate", "compoundSurnameVariationRate", "oldAddressRate",
                "missingPhoneRate", "missingMiddleRate")
                .forEach(knob -> assertTrue(names.contains(knob), knob + " missing from " + names));
        assertFalse(names.contains("agencyCode"), names.toString());
    }

    @Test
    void everyAgencyMissingItsSsnLeavesNoRealSsn() {
        List<SourceRecord> records = PopulationFacts.generate(BASE.withOverrides(List.of("*.missingSsnRate=1")));
        assertEquals(0, records.stream().filter(PopulationFacts::hasRealSsn).count());
        assertTrue(PopulationFacts.generate(BASE).stream().anyMatch(PopulationFacts::hasRealSsn));
    }

    @Test
    void oneAgencyMissingItsSsnLeavesTheOthersAlone() {
        Map<Boolean, List<SourceRecord>> atHra = PopulationFacts.generate(BASE.withOverrides(List.of("HRA.missingSsnRate=1")))
                .stream().collect(Collectors.partitioningBy(r -> r.agency().equals("HRA")));
        Map<Boolean, List<SourceRecord>> before = PopulationFacts.generate(BASE)
                .stream().collect(Collectors.partitioningBy(r -> r.agency().equals("HRA")));
        assertTrue(atHra.get(true).stream().noneMatch(PopulationFacts::hasRealSsn));
        assertTrue(realSsnShare(before.get(true)) > 0.9);
        double others = realSsnShare(atHra.get(false));
        assertEquals(realSsnShare(before.get(false)), others, 0.03, "real SSNs at the other agencies");
    }

    @Test
    void theTwinRateDecidesHowManyTwinsThereAre() {
        long none = childTwinPairs(BASE.withOverrides(List.of("twinRate=0")));
        long usual = childTwinPairs(BASE);
        long many = childTwinPairs(BASE.withOverrides(List.of("twinRate=0.5")));
        // Without twins, only siblings who happen to share a birthday remain (the generator does not prevent it).
        assertTrue(none * 5 < usual && usual * 5 < many, "twin pairs at rate 0: " + none + ", default: " + usual + ", 0.5: " + many);
    }

    @Test
    void shelterKnobsDecideHowManyAddressesAreCrowded() {
        assertTrue(crowdedAddresses(BASE) > 3);
        assertEquals(3, crowdedAddresses(BASE.withOverrides(List.of("shelters=3"))));
        assertEquals(0, crowdedAddresses(BASE.withOverrides(List.of("shelterShare=0"))));
    }

    @Test
    void theReferenceDateBoundsBirthDates() {
        List<SourceRecord> clean = PopulationFacts.generate(BASE.withErrorScale(0).withOverrides(List.of("referenceDate=2000-06-01")));
        LocalDate latest = clean.stream().map(r -> LocalDate.parse(r.dateOfBirth())).max(LocalDate::compareTo).orElseThrow();
        assertTrue(latest.isBefore(LocalDate.of(2000, 6, 1)) && latest.isAfter(LocalDate.of(1999, 6, 1)), latest.toString());
    }

    @Test
    void theSameOverridesGiveTheSameFileAndChangeIt() {
        List<String> entries = List.of("shelterShare=0.2", "*.typoRate=0.3");
        Simulation small = Simulation.of(11, 500);
        assertEquals(SimulationTest.csv(small.withOverrides(entries)), SimulationTest.csv(small.withOverrides(entries)));
        assertNotEquals(SimulationTest.csv(small), SimulationTest.csv(small.withOverrides(entries)));
    }

    private static int crowdedAddresses(Simulation simulation) {
        return PopulationFacts.crowdedAddresses(PopulationFacts.generate(simulation), 10).size();
    }

    private static double realSsnShare(List<SourceRecord> records) {
        return (double) records.stream().filter(PopulationFacts::hasRealSsn).count() / records.size();
    }

    private static long childTwinPairs(Simulation simulation) {
        List<SourceRecord> records = PopulationFacts.generate(simulation);
        Map<String, List<SourceRecord>> byPerson = PopulationFacts.byPerson(records);
        return PopulationFacts.twinPairs(records).stream()
                .filter(pair -> pair.stream().flatMap(person -> byPerson.get(person).stream())
                        .allMatch(r -> PopulationFacts.isChild(r, simulation.population())))
                .count();
    }

    private static Map<String, AgencyProfile> byCode(Simulation simulation) {
        return simulation.agencies().stream().collect(Collectors.toMap(AgencyProfile::agencyCode, Function.identity()));
    }

    private static void assertContains(IllegalArgumentException error, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "'" + fragment + "' not in: " + error.getMessage());
        }
    }
}
