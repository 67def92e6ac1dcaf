package org.civiclink.recommendation.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A rule file as written (YAML), before validation. Unknown keys are an error, so a misspelt key
 * cannot silently drop part of a rule.
 */
record RuleFile(String id, String version, String title, String reason, String citation, String need,
                List<String> serviceTaxonomyTerms, String urgency, String respondWithin, String condition,
                List<String> evidence, Examples examples) {

    /** Situations that must and must not trigger the rule; checked at startup and by the tests. */
    record Examples(List<Example> mustTrigger, List<Example> mustNotTrigger) {
    }

    /**
     * @param asOf the day the situation is read on
     * @param dateOfBirth shorthand for a person/date-of-birth fact
     * @param expectFacts "category/code" of facts that must be among the supporting facts
     */
    record Example(String name, LocalDate asOf, String dateOfBirth, List<ExampleFact> facts, List<String> expectFacts) {
    }

    /** A usable fact of an example; dataCategory defaults to the category, verification to SYSTEM_VERIFIED. */
    record ExampleFact(String agency, String category, String code, String value, String dataCategory,
                       LocalDate effectiveFrom, LocalDate effectiveTo, String verification) {
    }
}
