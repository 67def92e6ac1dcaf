package org.civiclink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BlockingAndConflictTest {

    private final LinkageModel model = LinkageModel.defaultModel();

    private StandardizedRecord std(String first, String last, String dob, String ssn, String street, String phone) {
        return model.standardize(new SourceRecord("R-" + first + last + dob + ssn + street + phone, "HRA", first, "", last,
                dob, "M", ssn, street, "New York", street.isEmpty() ? "" : "10001", phone));
    }

    private static boolean shareKey(List<String> a, List<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    @Test
    void swappedNamesShareABlockingKey() {
        StandardizedRecord a = std("Wei", "Zhang", "1975-03-02", "", "", "");
        StandardizedRecord b = std("Zhang", "Wei", "1975-03-02", "", "", "");
        assertTrue(shareKey(model.blockingKeys(a, GenericValues.none()), model.blockingKeys(b, GenericValues.none())));
    }

    @Test
    void marriedNameStillMeetsThroughFirstNameAndBirthDate() {
        StandardizedRecord a = std("Maria", "Lopez", "1975-03-02", "", "", "");
        StandardizedRecord b = std("Maria", "Kowalski", "1975-03-02", "", "", "");
        assertTrue(shareKey(model.blockingKeys(a, GenericValues.none()), model.blockingKeys(b, GenericValues.none())));
    }

    @Test
    void birthDateTypoStillMeetsThroughNamesAndYear() {
        StandardizedRecord a = std("Maria", "Lopez", "1975-03-02", "", "", "");
        StandardizedRecord b = std("Maria", "Lopez", "1975-03-12", "", "", "");
        assertTrue(shareKey(model.blockingKeys(a, GenericValues.none()), model.blockingKeys(b, GenericValues.none())));
    }

    @Test
    void keysArePrefixedWithTheRuleAndUnique() {
        List<String> keys = model.blockingKeys(std("Ana", "Ana", "1975-03-02", "412-55-0198", "12 Main St", "2125550142"),
                GenericValues.none());
        assertEquals(new HashSet<>(keys).size(), keys.size());
        assertTrue(keys.contains("ssn:412550198"));
        assertTrue(keys.stream().allMatch(k -> model.blockingRules().stream().anyMatch(r -> k.startsWith(r.name() + ":"))));
    }

    @Test
    void genericValuesProduceNoKey() {
        StandardizedRecord r = std("Ana", "Perez", "1975-03-02", "412-55-0198", "12 Main St", "2125550142");
        GenericValues generic = value -> true;
        List<String> keys = model.blockingKeys(r, generic);
        assertFalse(keys.isEmpty(), "name and date keys remain");
        assertTrue(keys.stream().noneMatch(k -> k.contains("412550198") || k.contains("2125550142") || k.contains("MAIN ST")), keys.toString());
        assertTrue(model.blockingKeys(r, GenericValues.none()).stream().anyMatch(k -> k.contains("2125550142")));
    }

    @Test
    void differentValidSsnsConflictButATypoDoesNot() {
        StandardizedRecord a = std("Ana", "Perez", "1975-03-02", "412-55-0198", "", "");
        StandardizedRecord other = std("Ana", "Perez", "1975-03-02", "523-66-1234", "", "");
        StandardizedRecord typo = std("Ana", "Perez", "1975-03-02", "412-55-0918", "", "");
        StandardizedRecord placeholder = std("Ana", "Perez", "1975-03-02", "123-45-6789", "", "");
        assertTrue(model.conflict(a, other, GenericValues.none()).isPresent());
        assertEquals(model.conflict(a, other, GenericValues.none()), model.conflict(other, a, GenericValues.none()));
        assertEquals(Optional.empty(), model.conflict(a, typo, GenericValues.none()));
        assertEquals(Optional.empty(), model.conflict(a, placeholder, GenericValues.none()));
        assertEquals(Optional.empty(), model.conflict(a, other, value -> value.value().equals("523661234")),
                "a generic SSN never makes a conflict");
    }

    @Test
    void birthDatesMoreThanTenYearsApartConflictUnlessOneIsADefault() {
        StandardizedRecord a = std("Ana", "Perez", "1975-03-02", "", "", "");
        assertTrue(model.conflict(a, std("Ana", "Perez", "1990-03-02", "", "", ""), GenericValues.none()).isPresent());
        assertFalse(model.conflict(a, std("Ana", "Perez", "1984-03-02", "", "", ""), GenericValues.none()).isPresent());
        assertFalse(model.conflict(a, std("Ana", "Perez", "1900-01-01", "", "", ""), GenericValues.none()).isPresent());
    }

    @Test
    void twinsWithUnrelatedFirstNamesConflict() {
        StandardizedRecord a = std("Matthew", "Rodriguez", "2017-01-28", "", "1842 Fordham Rd", "7186147485");
        StandardizedRecord b = std("Joseph", "Rodriguez", "2017-01-28", "", "1842 Fordham Rd", "7186147485");
        assertTrue(model.conflict(a, b, GenericValues.none()).orElseThrow().contains("twins"));
        StandardizedRecord nickname = std("Joe", "Rodriguez", "2017-01-28", "", "", "");
        assertFalse(model.conflict(b, nickname, GenericValues.none()).isPresent());
        StandardizedRecord swapped = std("Rodriguez", "Joseph", "2017-01-28", "", "", "");
        assertFalse(model.conflict(b, swapped, GenericValues.none()).isPresent());
    }

    @Test
    void conflictingPairIsNeverALinkDecision() {
        StandardizedRecord a = std("Ana", "Perez", "1975-03-02", "412-55-0198", "12 Main St", "2125550142");
        StandardizedRecord b = std("Ana", "Perez", "1975-03-02", "523-66-1234", "12 Main St", "2125550142");
        Explanation explanation = model.explain(a, b, GenericValues.none());
        assertTrue(explanation.conflict() != null);
        assertFalse(Explanation.LINK.equals(explanation.decision()));
    }
}
