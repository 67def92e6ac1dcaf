package org.civiclink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardizationTest {

    private final LinkageModel model = LinkageModel.defaultModel();

    static SourceRecord record(String first, String middle, String last, String dob, String ssn) {
        return new SourceRecord("R-" + first + last + dob + ssn, "HRA", first, middle, last, dob, "F", ssn, "", "", "", "");
    }

    private StandardizedRecord std(String first, String last) {
        return model.standardize(record(first, "", last, "1980-05-17", ""));
    }

    @Test
    void foldsCaseAccentsAndPunctuation() {
        StandardizedRecord r = std("  José-María ", "O'Brien");
        assertEquals("JOSE MARIA", r.firstName());
        assertEquals("OBRIEN", r.lastName());
        assertEquals("MULLER", std("x", "Müller").lastName());
        assertEquals("NUNEZ", std("x", "Núñez").lastName());
    }

    @Test
    void splitsHyphenatedAndCompoundSurnamesAndDropsSuffixes() {
        assertEquals("GARCIA LOPEZ", std("Ana", "García-López").lastName());
        assertEquals("SMITH", std("John", "Smith Jr.").lastName());
        assertEquals("SMITH", std("John", "Smith III").lastName());
        assertEquals("KRS LPS", std("Ana", "Garcia Lopez").lastPhonetic(), "one Double Metaphone code per part");
    }

    @Test
    void mapsNicknamesToTheirFormalNames() {
        assertEquals(std("William", "X").firstFormalNames(), std("Bill", "X").firstFormalNames());
        assertEquals(std("Francisco", "X").firstFormalNames(), std("Paco", "X").firstFormalNames());
        assertEquals(std("Mohammed", "X").firstFormalNames(), std("Muhammad", "X").firstFormalNames());
        assertEquals(std("Elizabeth", "X").firstFormalNames(), std("Liz", "X").firstFormalNames());
        assertTrue(std("Alex", "X").firstFormalNames().containsAll(std("Alexander", "X").firstFormalNames()));
        assertEquals(List.of("ZELDA"), std("Zelda", "X").firstFormalNames(), "an unknown name is its own formal name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123-45-6789", "111-11-1111", "999-99-9999", "000-00-0000", "078-05-1120", "000-12-3456",
            "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000", "12345", "abc"})
    void invalidAndPlaceholderSsnsAreNoEvidence(String ssn) {
        StandardizedRecord r = model.standardize(record("A", "", "B", "1980-01-02", ssn));
        assertNull(r.ssn());
        assertTrue(model.evidenceValues(r).stream().noneMatch(v -> v.field().equals(EvidenceValue.SSN)));
    }

    @Test
    void validSsnKeepsNineDigits() {
        assertEquals("412550198", model.standardize(record("A", "", "B", "1980-01-02", "412-55-0198")).ssn());
    }

    @Test
    void parsesDatesAndFlagsUnknownDefaults() {
        assertEquals("19800517", model.standardize(record("A", "", "B", "1980-05-17", "")).dateOfBirth());
        assertEquals("19800517", model.standardize(record("A", "", "B", "05/17/1980", "")).dateOfBirth());
        assertEquals("19800517", model.standardize(record("A", "", "B", "19800517", "")).dateOfBirth());
        assertNull(model.standardize(record("A", "", "B", "1980-02-30", "")).dateOfBirth());
        assertTrue(model.standardize(record("A", "", "B", "1980-01-01", "")).dobUnknownDefault());
        assertTrue(model.standardize(record("A", "", "B", "1900-01-01", "")).dobUnknownDefault());
        assertFalse(model.standardize(record("A", "", "B", "1980-01-02", "")).dobUnknownDefault());
    }

    @Test
    void normalizesAddressesAndPhones() {
        StandardizedRecord r = model.standardize(new SourceRecord("R1", "HRA", "A", "", "B", "", "", "",
                "123 West 45th Street, Apt 4B", "New York", "10036-1234", "+1 (212) 555-0142"));
        assertEquals("123 W 45TH ST", r.street());
        assertEquals("10036", r.zip());
        assertEquals("2125550142", r.phone());
        assertEquals("123 W 45TH ST|10036", r.address());
        StandardizedRecord foreign = model.standardize(new SourceRecord("R2", "HRA", "A", "", "B", "", "", "",
                "10 Downing Street", "London", "sw1a 2aa", "212-555-0142"));
        assertEquals("SW1A2AA", foreign.zip());
        assertEquals("2125550142", foreign.phone());
    }

    @Test
    void emptyAndNullFieldsBecomeNull() {
        StandardizedRecord r = model.standardize(new SourceRecord("R3", null, null, "", " ", null, "", null, "", null, "", null));
        assertNull(r.firstName());
        assertNull(r.lastName());
        assertNull(r.dateOfBirth());
        assertNull(r.address());
        assertTrue(model.evidenceValues(r).isEmpty());
        assertEquals(r, model.decode(model.encode(r)));
    }
}
