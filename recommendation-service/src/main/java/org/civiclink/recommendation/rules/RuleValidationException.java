package org.civiclink.recommendation.rules;

import java.util.List;

/** One or more rule files are invalid; each problem names its file. The service refuses to start. */
public class RuleValidationException extends RuntimeException {

    private final List<String> problems;

    public RuleValidationException(List<String> problems) {
        super("Invalid referral rules:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
