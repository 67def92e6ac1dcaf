package org.civiclink.recommendation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken rule files (src/test/resources/broken-rules) are refused with their file name and the problem. */
class RuleValidatorTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken-rules");

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cel-syntax         | bad-syntax.yaml          | condition: ERROR
            unknown-variable   | unknown-variable.yaml    | undeclared reference to 'income'
            not-boolean        | not-boolean.yaml         | condition:
            missing-fields     | missing-fields.yaml      | citation: required
            missing-fields     | missing-fields.yaml      | respondWithin: a positive ISO-8601 duration
            bad-urgency        | bad-urgency.yaml         | urgency: one of ROUTINE, SOON, URGENT
            unknown-key        | unknown-key.yaml         | Unrecognized field "score"
            no-evidence        | no-evidence.yaml         | evidence: at least one fact selector
            failing-example    | failing-example.yaml     | example 'housed person': must not trigger the rule but does
            no-examples        | no-examples.yaml         | examples: at least one mustTrigger and one mustNotTrigger
            wrong-file-name    | wrong-file-name.yaml     | id 'something-else' must match the file name
            duplicate-id       | a.yml                    | id 'a' is already used by a.yaml
            duplicate-need     | second-rule.yaml         | need 'shared-need' is already the need of first-rule.yaml
            not-yaml           | not-yaml.yaml            | not a valid rule file
            """)
    void brokenRuleIsRefusedNamingItsFileAndTheProblem(String folder, String file, String problem) {
        RuleValidationException e = assertThrows(RuleValidationException.class, () -> RuleLoader.directory(BROKEN.resolve(folder)));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(file + ": ") && p.contains(problem)),
                "expected '" + file + ": ..." + problem + "' among " + e.problems());
        assertTrue(e.getMessage().contains(file), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        RuleValidationException e = assertThrows(RuleValidationException.class, () -> RuleLoader.directory(BROKEN.resolve("missing-fields")));
        assertTrue(e.problems().size() >= 2, e.problems().toString());
    }

    @Test
    void anEmptyOrMissingFolderIsRefused() {
        assertEquals(List.of(BROKEN.resolve("nope") + ": not a directory"),
                assertThrows(RuleValidationException.class, () -> RuleLoader.directory(BROKEN.resolve("nope"))).problems());
    }

    @Test
    void theEngineRefusesToStartOnABrokenOperatorFolder() {
        RuleEngine engine = new RuleEngine();
        engine.rulesDir = java.util.Optional.of(BROKEN.resolve("unknown-variable"));
        RuleValidationException e = assertThrows(RuleValidationException.class, engine::load);
        assertTrue(e.getMessage().contains("unknown-variable.yaml: condition:"), e.getMessage());
    }

    @Test
    void anOperatorFolderOfValidRulesLoads() {
        List<CompiledRule> rules = RuleLoader.directory(Path.of("src/main/resources/rules"));
        assertEquals(RuleLoader.shipped().size(), rules.size());
    }
}
