package org.civiclink.intake.api;

import org.civiclink.intake.receive.Answer;
import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

/** How a refused answer is said over HTTP. */
final class Answers {

    private Answers() {
    }

    static ProblemException rejected(Answer answer) {
        return new ProblemException(Problem.of(422, "invalid-intake-event", "Unprocessable intake event",
                answer.reasons().size() + " field(s) make this event unusable.").withInvalidParams(answer.reasons()));
    }

    static ProblemException conflict(Answer answer) {
        return new ProblemException(Problem.of(409, "event-id-reused", "Conflict",
                "Event " + answer.agencyEventId() + " of " + answer.agencyCode()
                        + " was already accepted with different content. Send a change as a new event "
                        + "(e.g. record.corrected) with its own agencyEventId."));
    }
}
