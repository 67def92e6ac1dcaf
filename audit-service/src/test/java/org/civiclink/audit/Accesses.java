package org.civiclink.audit;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.AccessOutcome;
import org.civiclink.events.Actor;
import org.civiclink.platform.testing.DevTokenIssuer;

import io.restassured.specification.RequestSpecification;

/** AccessEvents and compliance-officer requests for the audit tests. */
final class Accesses {

    static final String OFFICER = DevTokenIssuer.issue("officer-1", "DOI", "compliance-officer");

    private Accesses() {
    }

    static RequestSpecification asOfficer() {
        return given().auth().oauth2(OFFICER).header("Purpose-Of-Use", "COMPLIANCE_REVIEW");
    }

    /** A caseworker's permitted read of one client's referral. */
    static AccessEvent.Builder read(String subject, String clientId, Instant at) {
        return AccessEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setActor(Actor.newBuilder().setSubject(subject).setRoles(List.of("caseworker")).setAgencyCode("DHS").build())
                .setPurposeOfUse("REFERRAL")
                .setAction("READ")
                .setClientIds(List.of(clientId))
                .setRecordIds(List.of())
                .setDataCategories(List.of("referral"))
                .setService("recommendation-service")
                .setEndpoint("GET /v1/referrals/R-1")
                .setOutcome(AccessOutcome.PERMITTED)
                .setHttpStatus(200);
    }

    static AccessEvent read(String clientId) {
        return read("caseworker-9", clientId, Instant.now()).build();
    }
}
