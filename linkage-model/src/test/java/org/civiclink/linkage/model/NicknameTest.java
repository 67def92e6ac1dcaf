package org.civiclink.linkage.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.civiclink.linkage.model.blocking.BlockingRule;
import org.civiclink.linkage.model.blocking.BlockingRuleSpec;
import org.civiclink.linkage.model.standardize.Nicknames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A nickname may stand for several formal names, but two formal names never become one. */
class NicknameTest {

    private final LinkageModel model = LinkageModel.defaultModel();

    private StandardizedRecord std(String first, String sex) {
        return model.standardize(new SourceRecord("R-" + first, "HRA", first, "", "Rodriguez", "2017-01-28", sex, "",
                "1842 Fordham Rd", "New York", "10458", "7186147485"));
    }

    private boolean mayBeSameName(String a, String b) {
        return Nicknames.mayBeSameName(std(a, "X").firstFormalNames(), std(b, "X").firstFormalNames());
    }

    @ParameterizedTest(name = "{0} and {1} are different names")
    @CsvSource({"Patrick, Patricia", "Samuel, Samantha", "Christopher, Christina", "Alexander, Alejandro",
            "Alexander, Alexandra", "Alejandro, Alexandra", "Alexander, Sandra", "Daniel, Daniela"})
    void distinctFormalNamesNeverBecomeOneName(String a, String b) {
        assertFalse(mayBeSameName(a, b));
        assertNotEquals("nickname", firstNameLevel(a, b));
    }

    @ParameterizedTest(name = "{0} may be {1}")
    @CsvSource({"Bill, William", "Pat, Patrick", "Pat, Patricia", "Alex, Alexander", "Alex, Alejandro",
            "Alex, Alexandra", "Sandra, Alexandra", "Muhammad, Mohammed", "Kate, Katherine", "Catherine, Katherine"})
    void aNicknameMayStandForEachOfItsFormalNames(String a, String b) {
        assertTrue(mayBeSameName(a, b));
        assertTrue(mayBeSameName(b, a), "the relation is symmetric");
        assertEquals("nickname", firstNameLevel(a, b));
    }

    @Test
    void aNicknameOfSeveralNamesListsThemAll() {
        assertEquals(List.of("PATRICIA", "PATRICK"), std("Pat", "X").firstFormalNames());
        assertEquals(List.of("PATRICK"), std("Patrick", "X").firstFormalNames());
    }

    @Test
    void twinsPatrickAndPatriciaConflictWhileBillAndWilliamDoNot() {
        assertTrue(conflict(std("Patrick", "M"), std("Patricia", "F")).orElseThrow().contains("twins"));
        assertTrue(conflict(std("Bill", "M"), std("William", "M")).isEmpty());
        assertTrue(conflict(std("Pat", "M"), std("Patrick", "M")).isEmpty());
        assertTrue(conflict(std("Pat", "F"), std("Patricia", "F")).isEmpty());
        assertEquals(Explanation.LINK, model.explain(std("Bill", "M"), std("William", "M"), GenericValues.none()).decision());
        assertFalse(Explanation.LINK.equals(
                model.explain(std("Patrick", "M"), std("Patricia", "F"), GenericValues.none()).decision()));
    }

    @Test
    void canonicalBlockingKeysAndIdentityKeysLetBillFindWilliam() {
        List<BlockingRuleSpec> rules = new ArrayList<>(model.file().blockingRules());
        rules.add(new BlockingRuleSpec("dob_canonical", List.of("dob", "first_canonical")));
        BlockingRule canonical = new BlockingRule(rules.get(rules.size() - 1));

        assertTrue(shareKey(canonical, std("Bill", "M"), std("William", "M")));
        assertTrue(shareKey(canonical, std("Pat", "M"), std("Patrick", "M")));
        assertTrue(shareKey(canonical, std("Pat", "F"), std("Patricia", "F")));
        assertFalse(shareKey(canonical, std("Patrick", "M"), std("Patricia", "F")));
        assertEquals(model.identityKey(std("Bill", "M")), model.identityKey(std("William", "M")));
        assertNotEquals(model.identityKey(std("Patrick", "M")), model.identityKey(std("Patricia", "F")));
    }

    @Test
    void anEncodedRecordKeepsItsFormalNames() {
        StandardizedRecord pat = std("Pat", "F");
        assertEquals(pat, model.decode(model.encode(pat)));
    }

    private static boolean shareKey(BlockingRule rule, StandardizedRecord a, StandardizedRecord b) {
        List<String> keysA = new ArrayList<>();
        List<String> keysB = new ArrayList<>();
        rule.keys(a, GenericValues.none(), keysA);
        rule.keys(b, GenericValues.none(), keysB);
        return keysA.stream().anyMatch(keysB::contains);
    }

    private String firstNameLevel(String a, String b) {
        Explanation explanation = model.explain(std(a, "X"), std(b, "X"), GenericValues.none());
        return explanation.steps().stream().filter(s -> s.comparison().equals("first_name")).findFirst().orElseThrow().level();
    }

    private Optional<String> conflict(StandardizedRecord a, StandardizedRecord b) {
        Optional<String> found = model.conflict(a, b, GenericValues.none());
        assertEquals(found, model.conflict(b, a, GenericValues.none()), "conflicts are symmetric");
        return found;
    }
}
