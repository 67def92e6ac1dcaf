package org.civiclink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each configured level of the default model, reached by a pair built for it. */
class ComparisonLevelsTest {

    private final LinkageModel model = LinkageModel.defaultModel();

    private static SourceRecord person(String first, String middle, String last, String dob, String sex, String ssn,
            String street, String zip, String phone) {
        return new SourceRecord("R" + System.identityHashCode(first) + first + last + dob + ssn + phone + street, "HRA", first,
                middle, last, dob, sex, ssn, street, "New York", zip, phone);
    }

    private static final SourceRecord BASE = person("William", "Henry", "Garcia-Lopez", "1980-05-17", "M", "412-55-0198",
            "12 Main St", "10001", "2125550142");

    private String level(SourceRecord a, SourceRecord b, String comparison) {
        Explanation explanation = model.explain(model.standardize(a), model.standardize(b), GenericValues.none());
        return explanation.steps().stream().filter(s -> s.comparison().equals(comparison)).findFirst().orElseThrow().level();
    }

    private SourceRecord with(String first, String middle, String last) {
        return person(first, middle, last, BASE.dateOfBirth(), BASE.sex(), BASE.ssn(), BASE.street(), BASE.zip(), BASE.phone());
    }

    private SourceRecord withDob(String dob) {
        return person(BASE.firstName(), BASE.middleName(), BASE.lastName(), dob, "M", BASE.ssn(), BASE.street(), BASE.zip(), BASE.phone());
    }

    @Test
    void firstNameLevels() {
        assertEquals("exact", level(BASE, with("WILLIAM", "Henry", "Garcia-Lopez"), "first_name"));
        assertEquals("nickname", level(BASE, with("Bill", "Henry", "Garcia-Lopez"), "first_name"));
        assertEquals("swapped with last name", level(with("Ana", "", "Perez"), with("Perez", "", "Ana"), "first_name"));
        assertEquals("one typo (damerau-levenshtein <= 1)", level(BASE, with("Wiliam", "Henry", "Garcia-Lopez"), "first_name"));
        assertEquals("else", level(BASE, with("Peter", "Henry", "Garcia-Lopez"), "first_name"));
        assertEquals("null", level(BASE, with("", "Henry", "Garcia-Lopez"), "first_name"));
    }

    @Test
    void lastNameLevels() {
        assertEquals("exact", level(BASE, with("William", "Henry", "garcia lopez"), "last_name"));
        assertEquals("shares a compound part", level(BASE, with("William", "Henry", "Lopez"), "last_name"));
        assertEquals("one typo (damerau-levenshtein <= 1)", level(with("A", "", "Thompson"), with("A", "", "Thomspon"), "last_name"));
        assertEquals("same double metaphone", level(with("A", "", "Schmidt"), with("A", "", "Shmit"), "last_name"));
        assertEquals("else", level(BASE, with("William", "Henry", "Kowalski"), "last_name"));
    }

    @Test
    void middleNameLevels() {
        assertEquals("exact", level(BASE, with("William", "HENRY", "Garcia-Lopez"), "middle_name"));
        assertEquals("same initial", level(BASE, with("William", "H", "Garcia-Lopez"), "middle_name"));
        assertEquals("else", level(BASE, with("William", "Paul", "Garcia-Lopez"), "middle_name"));
        assertEquals("null", level(BASE, with("William", "", "Garcia-Lopez"), "middle_name"));
    }

    @Test
    void dateOfBirthLevels() {
        assertEquals("exact", level(BASE, withDob("05/17/1980"), "date_of_birth"));
        assertEquals("day and month swapped", level(withDob("1980-05-07"), withDob("1980-07-05"), "date_of_birth"));
        assertEquals("one typo (damerau-levenshtein <= 1)", level(BASE, withDob("1980-05-18"), "date_of_birth"));
        assertEquals("unknown-date default, same year", level(BASE, withDob("1980-01-01"), "date_of_birth"));
        assertEquals("else", level(BASE, withDob("1983-09-22"), "date_of_birth"));
    }

    @Test
    void ssnSexAndContactLevels() {
        SourceRecord typo = person("William", "Henry", "Garcia-Lopez", "1980-05-17", "M", "412-55-0918", "12 Main St", "10001", "2125550142");
        assertEquals("exact", level(BASE, BASE, "ssn"));
        assertEquals("one typo (damerau-levenshtein <= 1)", level(BASE, typo, "ssn"));
        SourceRecord female = person("William", "Henry", "Garcia-Lopez", "1980-05-17", "F", "", "9 Elm Avenue", "11201", "");
        assertEquals("else", level(BASE, female, "sex"));
        assertEquals("null", level(BASE, female, "ssn"));
        assertEquals("else", level(BASE, female, "address_phone"));
        assertEquals("address and phone", level(BASE, BASE, "address_phone"));
        SourceRecord moved = person("William", "Henry", "Garcia-Lopez", "1980-05-17", "M", "", "1 Other Rd", "10002", "212 555 0142");
        assertEquals("phone", level(BASE, moved, "address_phone"));
        SourceRecord samePlace = person("William", "Henry", "Garcia-Lopez", "1980-05-17", "M", "", "12 Main Street Apt 3", "10001", "");
        assertEquals("address", level(BASE, samePlace, "address_phone"));
        SourceRecord otherZip = person("William", "Henry", "Garcia-Lopez", "1980-05-17", "M", "", "12 Main St", "10003", "");
        assertEquals("street line, other zip", level(BASE, otherZip, "address_phone"));
    }

    @Test
    void genericValueFallsToTheNullLevelWithWeightZero() {
        StandardizedRecord a = model.standardize(BASE);
        StandardizedRecord b = model.standardize(BASE);
        GenericValues everything = value -> true;
        Explanation explanation = model.explain(a, b, everything);
        for (String comparison : new String[] {"ssn", "address_phone"}) {
            Explanation.Step step = explanation.steps().stream().filter(s -> s.comparison().equals(comparison)).findFirst().orElseThrow();
            assertEquals("null", step.level());
            assertEquals(0.0, step.log2Weight());
        }
        assertTrue(model.score(a, b, GenericValues.none()).matchWeight() > model.score(a, b, everything).matchWeight());
    }

    @Test
    void exactNameMatchesCarryTermFrequencyAdjustment() {
        StandardizedRecord common = model.standardize(with("Maria", "", "Garcia"));
        StandardizedRecord rare = model.standardize(with("Anastasia", "", "Garcia"));
        double commonWeight = model.explain(common, common, GenericValues.none()).steps().get(0).log2Weight();
        double rareWeight = model.explain(rare, rare, GenericValues.none()).steps().get(0).log2Weight();
        assertTrue(rareWeight > commonWeight, "a rare first name agrees more tellingly than a common one: " + rareWeight + " vs " + commonWeight);
    }
}
