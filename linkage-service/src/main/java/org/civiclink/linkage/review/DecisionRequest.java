package org.civiclink.linkage.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civiclink.events.LinkDecision;
import org.civiclink.events.LinkDecisionType;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

/**
 * An operator's decision as posted: FORCE_LINK and UNLINK name two records, WITHDRAW_RECORD one;
 * every decision needs a reason, because it overrides the model and will be reviewed.
 */
public record DecisionRequest(String type, String leftRecordId, String rightRecordId, String reason) {

    LinkDecision toDecision(String decidedBy) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        LinkDecisionType decisionType = parseType(invalid);
        if (!isRecordId(leftRecordId)) {
            invalid.add(new Problem.InvalidParam("leftRecordId", "required, as agency:agencyRecordId"));
        }
        boolean pair = decisionType != LinkDecisionType.WITHDRAW_RECORD;
        if (pair && !isRecordId(rightRecordId)) {
            invalid.add(new Problem.InvalidParam("rightRecordId", "required for " + type + ", as agency:agencyRecordId"));
        } else if (pair && rightRecordId.equals(leftRecordId)) {
            invalid.add(new Problem.InvalidParam("rightRecordId", "must differ from leftRecordId"));
        } else if (!pair && rightRecordId != null) {
            invalid.add(new Problem.InvalidParam("rightRecordId", "must be absent for WITHDRAW_RECORD"));
        }
        if (reason == null || reason.isBlank()) {
            invalid.add(new Problem.InvalidParam("reason", "required: say why the model is overridden"));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-decision", "Bad Request",
                    "The decision is incomplete.").withInvalidParams(invalid));
        }
        return LinkDecision.newBuilder()
                .setDecisionId(UUID.randomUUID().toString())
                .setType(decisionType)
                .setLeftRecordId(leftRecordId)
                .setRightRecordId(pair ? rightRecordId : null)
                .setReason(reason.strip())
                .setDecidedBy(decidedBy)
                .setDecidedAt(Instant.now())
                .build();
    }

    private LinkDecisionType parseType(List<Problem.InvalidParam> invalid) {
        try {
            LinkDecisionType parsed = type == null ? null : LinkDecisionType.valueOf(type);
            if (parsed != null && parsed != LinkDecisionType.UNKNOWN) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the accepted values
        }
        invalid.add(new Problem.InvalidParam("type", "one of FORCE_LINK, UNLINK, WITHDRAW_RECORD"));
        return null;
    }

    private static boolean isRecordId(String value) {
        return value != null && value.indexOf(':') > 0 && value.indexOf(':') < value.length() - 1;
    }
}
