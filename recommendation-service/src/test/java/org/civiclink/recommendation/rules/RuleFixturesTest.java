package org.civiclink.recommendation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example situation of every shipped rule, as its own test: must trigger, or must not. */
class RuleFixturesTest {

    private static final List<CompiledRule> SHIPPED = RuleLoader.shipped();

    static Stream<Arguments> examples() {
        List<Arguments> cases = new ArrayList<>();
        for (CompiledRule rule : SHIPPED) {
            rule.examples().mustTrigger().forEach(e ->
                    cases.add(Arguments.of(rule.definition().id() + " triggers: " + e.name(), rule, e, true)));
            rule.examples().mustNotTrigger().forEach(e ->
                    cases.add(Arguments.of(rule.definition().id() + " does not trigger: " + e.name(), rule, e, false)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleBehavesAsItsRuleFileSays(String name, CompiledRule rule, RuleFile.Example example, boolean mustTrigger) {
        assertEquals(Optional.empty(), RuleLoader.checkExample(rule, example, mustTrigger));
    }

    @Test
    void atLeastEightRulesEachForItsOwnNeed() {
        assertTrue(SHIPPED.size() >= 8, "shipped rules: " + SHIPPED.size());
        var needs = new HashSet<String>();
        SHIPPED.forEach(rule -> assertTrue(needs.add(rule.definition().need()), "two rules for " + rule.definition().need()));
    }

    @Test
    void matchesCarryTheirFactsWithSourceAgencyAndDate() throws Exception {
        CompiledRule family = SHIPPED.stream().filter(r -> r.definition().id().equals("family-shelter-child-welfare")).findFirst().orElseThrow();
        RuleMatch match = family.evaluate(ExampleSituations.of(family.examples().mustTrigger().get(0))).orElseThrow();
        assertEquals(List.of("ACS", "DHS-SHELTER"), match.facts().stream().map(f -> f.getSourceAgency()).toList());
        match.facts().forEach(f -> assertFalse(f.getEffectiveFrom() == null, "fact without a date: " + f));
    }

    @Test
    void theIndexNamesEveryShippedRuleFile() throws IOException {
        Path folder = Path.of("src/main/resources/rules");
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).sorted().toList();
        }
        List<String> indexed = Files.readAllLines(folder.resolve("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertEquals(files, indexed);
    }
}
