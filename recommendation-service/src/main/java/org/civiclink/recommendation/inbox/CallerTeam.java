package org.civiclink.recommendation.inbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;
import org.civiclink.platform.security.AgencyAuthorization;

/** A caseworker's team is the agency of their token; without one there is no inbox to show. */
@RequestScoped
public class CallerTeam {

    @Inject
    AgencyAuthorization agency;

    public String require() {
        String team = agency.callerAgency();
        if (team == null || team.isBlank()) {
            throw new ProblemException(Problem.of(403, "no-team", "Forbidden",
                    "Your token names no agency, so no team's referrals can be shown."));
        }
        return team;
    }
}
