package org.civiclink.recommendation.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.civiclink.events.VerificationStatus;
import org.civiclink.recommendation.situation.ClientSituation;
import org.civiclink.recommendation.situation.SituationFact;

/** Builds the situation an example of a rule file describes. Its facts count as usable: consent is tested apart. */
final class ExampleSituations {

    private ExampleSituations() {
    }

    static ClientSituation of(RuleFile.Example example) {
        LocalDate asOf = example.asOf();
        List<SituationFact> facts = new ArrayList<>();
        Instant reported = asOf.atStartOfDay().toInstant(ZoneOffset.UTC);
        if (example.dateOfBirth() != null) {
            facts.add(new SituationFact("example", ClientSituation.DATE_OF_BIRTH_CATEGORY, ClientSituation.DATE_OF_BIRTH_CODE,
                    example.dateOfBirth(), "identity", "EXAMPLE", VerificationStatus.UNKNOWN, null, null, asOf, reported));
        }
        if (example.facts() != null) {
            for (RuleFile.ExampleFact f : example.facts()) {
                facts.add(new SituationFact("example", f.category(), f.code(), f.value(),
                        f.dataCategory() == null ? f.category() : f.dataCategory(),
                        f.agency(),
                        f.verification() == null ? VerificationStatus.SYSTEM_VERIFIED : VerificationStatus.valueOf(f.verification()),
                        f.effectiveFrom(), f.effectiveTo(), f.effectiveFrom() == null ? asOf : f.effectiveFrom(), reported));
            }
        }
        return new ClientSituation("example", asOf, facts, false, 0);
    }
}
