package org.civiclink.platform.api;

import java.util.ArrayList;
import java.util.List;

import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

/** Validated paging parameters: page from 0, size from 1 to the listing's maximum. */
public record PageRequest(int page, int size) {

    public static PageRequest of(int page, int size, int maxSize) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        if (page < 0) {
            invalid.add(new Problem.InvalidParam("page", "must be 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            invalid.add(new Problem.InvalidParam("size", "must be between 1 and " + maxSize));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-paging", "Bad Request", "Invalid paging parameters.")
                    .withInvalidParams(invalid));
        }
        return new PageRequest(page, size);
    }
}
