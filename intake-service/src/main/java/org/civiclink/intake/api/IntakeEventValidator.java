package org.civiclink.intake.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

/**
 * Hard errors only for what makes an event unusable; every bad field is reported at once.
 * (Doubtful values are the intake issue's flagging work and are kept, not refused.)
 */
final class IntakeEventValidator {

    private IntakeEventValidator() {
    }

    static void requireUsable(IntakeEventRequest event) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        if (event == null) {
            throw unusable(List.of(new Problem.InvalidParam("body", "an intake event is required")));
        }
        requireText(invalid, "agencyCode", event.agencyCode());
        requireText(invalid, "agencyEventId", event.agencyEventId());
        requireText(invalid, "eventType", event.eventType());
        if (event.occurredAt() == null) {
            invalid.add(new Problem.InvalidParam("occurredAt", "required, an ISO-8601 instant"));
        }
        if (event.person() == null) {
            invalid.add(new Problem.InvalidParam("person", "required"));
        } else {
            requireText(invalid, "person.agencyRecordId", event.person().agencyRecordId());
        }
        if (!invalid.isEmpty()) {
            throw unusable(invalid);
        }
    }

    private static void requireText(List<Problem.InvalidParam> invalid, String field, String value) {
        if (value == null || value.isBlank()) {
            invalid.add(new Problem.InvalidParam(field, "required"));
        }
    }

    private static ProblemException unusable(List<Problem.InvalidParam> invalid) {
        return new ProblemException(Problem.of(422, "invalid-intake-event", "Unprocessable intake event",
                invalid.size() + " field(s) make this event unusable.").withInvalidParams(invalid));
    }
}
