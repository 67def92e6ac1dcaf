package org.civiclink.recommendation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civiclink.events.SupportingFact;
import org.civiclink.recommendation.situation.ClientSituation;
import org.civiclink.recommendation.situation.SituationFact;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;

/**
 * A validated rule, ready to run. When its condition holds, the supporting facts are the usable facts
 * that match one of its evidence selectors; a rule that holds without any is not a match, because a
 * referral must show the facts behind it.
 */
record CompiledRule(String file, ReferralRuleDefinition definition, Program condition, List<Program> evidence,
                    RuleFile.Examples examples) {

    Optional<RuleMatch> evaluate(ClientSituation situation, Map<String, Object> variables) throws CelEvaluationException {
        if (!Boolean.TRUE.equals(condition.eval(variables))) {
            return Optional.empty();
        }
        List<SupportingFact> facts = supporting(situation);
        return facts.isEmpty() ? Optional.empty() : Optional.of(new RuleMatch(definition, facts));
    }

    Optional<RuleMatch> evaluate(ClientSituation situation) throws CelEvaluationException {
        return evaluate(situation, CelSituation.variables(situation));
    }

    private List<SupportingFact> supporting(ClientSituation situation) throws CelEvaluationException {
        List<SupportingFact> facts = new ArrayList<>();
        for (SituationFact fact : situation.facts()) {
            Map<String, Object> variables = Map.of(CelSituation.FACT, CelSituation.fact(fact, situation.asOf()));
            for (Program selector : evidence) {
                if (Boolean.TRUE.equals(selector.eval(variables))) {
                    facts.add(fact.toSupporting());
                    break;
                }
            }
        }
        return facts;
    }
}
