package org.civiclink.linkage.engine;

import java.util.List;

/**
 * What one engine step did.
 *
 * @param clientId        the client the record concerned now belongs to; null after a withdrawal
 * @param changes         every client change the step caused, in the order they apply
 * @param possibleMatches pairs found between the review and the link thresholds
 */
public record LinkResult(String clientId, List<ClientChange> changes, List<PossibleMatch> possibleMatches) {
}
