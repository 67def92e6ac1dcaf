package org.civiclink.linkage.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civiclink.linkage.engine.LinkageEngine;
import org.civiclink.linkage.engine.PossibleMatch;
import org.civiclink.linkage.engine.Table;

/**
 * Which of the possible matches one engine step found go to the review topic. Every re-link of a
 * record finds its pairs again; a reviewer needs a pair when it first appears and again only when
 * its weight moved, and not at all once an operator has decided it.
 */
final class ReviewCandidates {

    private ReviewCandidates() {
    }

    /**
     * @param found  what the step found, possibly the same pair more than once
     * @param before the possible matches as they were before the step
     */
    static List<PossibleMatch> toPublish(List<PossibleMatch> found, Table<PossibleMatch> before, LinkageEngine engine) {
        Map<String, PossibleMatch> latest = new LinkedHashMap<>();
        found.forEach(match -> latest.put(match.key(), match));
        return latest.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
                .map(Map.Entry::getValue)
                .filter(match -> engine.decision(match.leftRecordId(), match.rightRecordId()).isEmpty())
                .toList();
    }
}
