package org.civiclink.recommendation.referral;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.civiclink.events.SupportingFact;
import org.civiclink.events.Urgency;
import org.civiclink.events.VerificationStatus;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.recommendation.rules.ReferralRuleDefinition;
import org.civiclink.recommendation.rules.RuleMatch;

import io.restassured.specification.RequestSpecification;

/** Hand-made rule matches and caseworker requests for referral tests. */
public final class Referrals {

    private Referrals() {
    }

    public static RuleMatch match(String need, Duration respondWithin) {
        ReferralRuleDefinition rule = new ReferralRuleDefinition("test-" + need, "1", "Test referral for " + need,
                "A test rule fired.", "Test citation", need, List.of("benefits-screening"), Urgency.SOON, respondWithin);
        SupportingFact fact = SupportingFact.newBuilder().setCategory("housing").setCode("shelter-entry")
                .setSourceAgency("DHS-SHELTER").setEffectiveFrom(LocalDate.parse("2026-11-30"))
                .setVerification(VerificationStatus.SYSTEM_VERIFIED).build();
        return new RuleMatch(rule, List.of(fact));
    }

    public static RuleMatch match(String need) {
        return match(need, Duration.ofDays(7));
    }

    public static RequestSpecification caseworker(String team) {
        return given().auth().oauth2(DevTokenIssuer.issue("cw-" + team, team, "caseworker")).header("Purpose-Of-Use", "REFERRAL");
    }

    public static ReferralRecord only(String clientId, String need) {
        List<ReferralRecord> found = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ReferralRecord.<ReferralRecord>list("clientId = ?1 and need = ?2", clientId, need));
        if (found.size() != 1) {
            throw new AssertionError("Expected one referral for " + clientId + "/" + need + " but found " + found.size());
        }
        return found.get(0);
    }

    /** Every referral of the client, whatever its need, team or status. */
    public static List<ReferralRecord> of(String clientId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ReferralRecord.<ReferralRecord>list("clientId = ?1 order by createdAt", clientId));
    }

    public static List<ReferralRecord> all(String need, String... clientIds) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ReferralRecord.<ReferralRecord>list("need = ?1 and clientId in ?2 order by createdAt", need, List.of(clientIds)));
    }
}
