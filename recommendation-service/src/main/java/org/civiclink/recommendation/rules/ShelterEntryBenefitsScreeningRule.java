package org.civiclink.recommendation.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.civiclink.events.Fact;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.SupportingFact;
import org.civiclink.events.Urgency;

/**
 * The walking skeleton's one trivial rule: someone entering shelter is offered a benefits
 * screening. The CEL rule engine of the recommendation issue replaces it.
 */
@ApplicationScoped
public class ShelterEntryBenefitsScreeningRule implements ReferralRule {

    static final String EVENT_TYPE = "shelter.entry";

    @Override
    public Optional<ReferralProposal> evaluate(LinkedEvent linked) {
        if (!EVENT_TYPE.equals(linked.getEvent().getEventType())) {
            return Optional.empty();
        }
        List<SupportingFact> facts = linked.getEvent().getFacts().stream()
                .filter(fact -> "housing".equals(fact.getCategory()))
                .map(ShelterEntryBenefitsScreeningRule::supporting)
                .toList();
        if (facts.isEmpty()) {
            facts = List.of(SupportingFact.newBuilder()
                    .setCategory("housing").setCode("shelter-entry")
                    .setSourceAgency(linked.getEvent().getAgencyCode())
                    .build());
        }
        return Optional.of(new ReferralProposal(
                "benefits-screening",
                "shelter-entry-benefits-screening",
                "1",
                "Benefits screening for a person entering shelter",
                "The person entered shelter; people in shelter often qualify for benefits they have not applied for.",
                "NYC Local Law 2021/037 (illustrative)",
                List.of("benefits-screening"),
                facts,
                Urgency.SOON,
                Duration.ofDays(7)));
    }

    private static SupportingFact supporting(Fact fact) {
        return SupportingFact.newBuilder()
                .setCategory(fact.getCategory())
                .setCode(fact.getCode())
                .setValue(fact.getValue())
                .setSourceAgency(fact.getSource().getAgencyCode())
                .setEffectiveFrom(fact.getEffectiveFrom())
                .setVerification(fact.getSource().getVerification())
                .build();
    }
}
