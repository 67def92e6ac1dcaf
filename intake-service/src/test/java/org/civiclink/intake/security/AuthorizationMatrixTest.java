package org.civiclink.intake.security;

import static io.restassured.RestAssured.given;
import static org.civiclink.intake.IntakeTestSupport.asShelter;
import static org.civiclink.intake.IntakeTestSupport.event;
import static org.civiclink.intake.IntakeTestSupport.uniqueId;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.civiclink.platform.security.VerifiedTokenCache;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.JWTParser;

/**
 * Roles × endpoints. Only agency systems use intake, and only for their own agency; everyone else,
 * however senior, is refused (403), and no token is 401. All of it is problem+json.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class AuthorizationMatrixTest {

    /** An event the shelter system sent, for the status endpoint. */
    private static final String KNOWN_EVENT = uniqueId("evt-authz");

    enum Caller {
        SHELTER_SYSTEM("agency-system", "DHS-SHELTER"),
        HRA_SYSTEM("agency-system", "HRA"),
        CASEWORKER("caseworker", "DHS-SHELTER"),
        SUPERVISOR("supervisor", "DHS-SHELTER"),
        COMPLIANCE_OFFICER("compliance-officer", "DOI"),
        ADMIN("admin", "DHS-SHELTER"),
        NO_TOKEN(null, null);

        final String role;
        final String agency;

        Caller(String role, String agency) {
            this.role = role;
            this.agency = agency;
        }

        RequestSpecification request() {
            RequestSpecification request = given().contentType("application/json").header("Purpose-Of-Use", "TREATMENT");
            return role == null ? request : request.auth().oauth2(DevTokenIssuer.issue("authz-" + name(), agency, role));
        }
    }

    enum Endpoint { POST_EVENT, POST_BATCH, GET_STATUS }

    private static boolean sent;

    private static synchronized void shelterSentAnEvent() {
        if (!sent) {
            asShelter().body(event("DHS-SHELTER", KNOWN_EVENT, "S-AUTHZ")).post("/v1/events").then().statusCode(202);
            sent = true;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Endpoint endpoint : Endpoint.values()) {
                int expected = switch (caller) {
                    case SHELTER_SYSTEM -> endpoint == Endpoint.POST_EVENT ? 202 : 200;
                    case NO_TOKEN -> 401;
                    default -> 403;
                };
                rows.add(Arguments.of(caller, endpoint, expected));
            }
        }
        return rows.stream();
    }

    /** Every request concerns the shelter's (DHS-SHELTER) events. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("matrix")
    void onlyTheOwningAgencySystemGetsIn(Caller caller, Endpoint endpoint, int expected) {
        shelterSentAnEvent();
        String id = uniqueId("evt-authz-" + caller.name().toLowerCase());
        var response = switch (endpoint) {
            case POST_EVENT -> caller.request().body(event("DHS-SHELTER", id, "S-AUTHZ")).post("/v1/events");
            case POST_BATCH -> caller.request().body("{\"events\":[" + event("DHS-SHELTER", id, "S-AUTHZ") + "]}").post("/v1/events/batch");
            case GET_STATUS -> caller.request().get("/v1/events/DHS-SHELTER/" + KNOWN_EVENT);
        };
        response.then().statusCode(expected);
        if (expected >= 400) {
            response.then().contentType("application/problem+json");
        }
    }

    @Inject
    JWTParser tokens;

    /** Tokens are verified once and then reused (platform VerifiedTokenCache); that must not let a forgery in. */
    @Test
    void aTamperedOrExpiredTokenIsRefusedAfterTheGenuineOneWasAccepted() {
        assertInstanceOf(VerifiedTokenCache.class, tokens);
        shelterSentAnEvent();
        String genuine = DevTokenIssuer.issue("authz-cache", "DHS-SHELTER", "agency-system");
        String signature = genuine.substring(genuine.lastIndexOf('.') + 1);
        String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + new StringBuilder(signature).reverse();
        String expired = DevTokenIssuer.issue("authz-cache", "DHS-SHELTER", Duration.ofMinutes(-10), List.of("agency-system"));

        for (int i = 0; i < 2; i++) {
            status(genuine).then().statusCode(200);
            status(forged).then().statusCode(401).contentType("application/problem+json");
            status(expired).then().statusCode(401).contentType("application/problem+json");
        }
    }

    private static Response status(String token) {
        return given().header("Purpose-Of-Use", "TREATMENT").auth().oauth2(token).get("/v1/events/DHS-SHELTER/" + KNOWN_EVENT);
    }
}
