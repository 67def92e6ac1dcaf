package org.civiclink.recommendation.directory;

import java.util.List;

/** A service named on a referral: enough to recognise it; the full record is at /v1/services/{id}. */
public record ServiceSummary(String id, String name, String organization, List<String> taxonomyTerms) {
}
