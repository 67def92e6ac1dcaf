package org.civiclink.audit.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

/** A half-open interval [from, to) of occurrence times; the last day when neither end is given. */
record TimeRange(Instant from, Instant to) {

    static TimeRange of(Instant from, Instant to, Duration maxLength) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofDays(1));
        if (!start.isBefore(end)) {
            throw invalid("from", "must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(maxLength) > 0) {
            throw invalid("to", "range longer than " + maxLength.toDays() + " days");
        }
        return new TimeRange(start, end);
    }

    /** From the beginning of the trail, or {@code from}, to now or {@code to}; of any length. */
    static TimeRange wholeTrail(Instant from, Instant to) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : Instant.EPOCH;
        if (!start.isBefore(end)) {
            throw invalid("from", "must be before 'to'");
        }
        return new TimeRange(start, end);
    }

    private static ProblemException invalid(String name, String reason) {
        return new ProblemException(Problem.of(400, "invalid-time-range", "Invalid time range", "The time range is not usable.")
                .withInvalidParams(List.of(new Problem.InvalidParam(name, reason))));
    }
}
