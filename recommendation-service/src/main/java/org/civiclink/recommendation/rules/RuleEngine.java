package org.civiclink.recommendation.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.civiclink.recommendation.situation.ClientSituation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.cel.runtime.CelEvaluationException;
import io.quarkus.runtime.Startup;

/**
 * Runs every referral rule over a client's situation. Rules are read and validated at startup, from
 * civiclink.recommendation.rules.dir when an operator set it, else from the shipped files; an invalid
 * rule stops the start with a message naming its file and the problem.
 */
@Startup
@ApplicationScoped
public class RuleEngine {

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    @ConfigProperty(name = "civiclink.recommendation.rules.dir")
    Optional<Path> rulesDir;

    private List<CompiledRule> rules = List.of();

    @PostConstruct
    void load() {
        rules = rulesDir.map(RuleLoader::directory).orElseGet(RuleLoader::shipped);
        LOG.infof("Loaded %d referral rules from %s: %s", rules.size(), rulesDir.map(Path::toString).orElse("the shipped rules"),
                rules.stream().map(r -> r.definition().id() + "@" + r.definition().version()).toList());
    }

    /** The rules that fire for this situation, each with the facts that satisfied it. No scores, no order of merit. */
    public List<RuleMatch> evaluate(ClientSituation situation) {
        Map<String, Object> variables = CelSituation.variables(situation);
        List<RuleMatch> matches = new ArrayList<>();
        for (CompiledRule rule : rules) {
            try {
                rule.evaluate(situation, variables).ifPresent(matches::add);
            } catch (CelEvaluationException e) {
                // One faulty rule must not stop the others; its examples passed, so this is a situation they missed.
                LOG.errorf("Rule %s (%s) failed to evaluate: %s", rule.definition().id(), rule.file(), e.getMessage());
            }
        }
        return matches;
    }

    public List<ReferralRuleDefinition> rules() {
        return rules.stream().map(CompiledRule::definition).toList();
    }
}
