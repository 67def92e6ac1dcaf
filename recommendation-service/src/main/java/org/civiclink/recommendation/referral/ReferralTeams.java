package org.civiclink.recommendation.referral;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.panache.common.Sort;

/**
 * Which team handles referrals that arise without an intake event (after a merge or a split): the
 * team of the client's latest referral, else that of the client it came from, else the configured
 * default team.
 */
@ApplicationScoped
public class ReferralTeams {

    @ConfigProperty(name = "civiclink.referral.default-team")
    String defaultTeam;

    public String teamFor(String clientId, String relatedClientId) {
        return latestTeam(clientId).or(() -> relatedClientId == null ? Optional.empty() : latestTeam(relatedClientId))
                .orElse(defaultTeam);
    }

    private static Optional<String> latestTeam(String clientId) {
        return ReferralRecord.<ReferralRecord>find("clientId = ?1 and team is not null", Sort.descending("createdAt"), clientId)
                .firstResultOptional().map(r -> r.team);
    }
}
