package org.civiclink.intake.receive;

import java.time.Instant;
import java.util.List;

import org.civiclink.intake.validation.QualityFlag;
import org.civiclink.platform.problem.Problem;

/**
 * What intake decided about one event. {@code replay} says the decision was already on record and
 * is repeated, not taken again: nothing was published this time.
 */
public record Answer(Outcome outcome, boolean replay, String agencyCode, String agencyEventId, String recordId,
                     Instant receivedAt, List<QualityFlag> qualityFlags, List<Problem.InvalidParam> reasons) {

    public enum Outcome { ACCEPTED, REJECTED, CONFLICT }

    static Answer unstorableRejection(String agencyCode, String agencyEventId, List<Problem.InvalidParam> reasons) {
        return new Answer(Outcome.REJECTED, false, agencyCode, agencyEventId, null, null, List.of(), reasons);
    }
}
