package org.civiclink.deploy.security;

import java.time.Duration;
import java.util.List;

import org.civiclink.platform.testing.DevTokenIssuer;

/**
 * Development tokens for the local stack, signed with the key pair that ships in the platform
 * test-jar. The services trust it only because the launcher hands them its public key.
 */
public final class DevTokens {

    public static final String DEMO_CASEWORKER = "demo-caseworker";
    /** Referrals go to the team of the agency whose event triggered them: the demo's is a shelter entry. */
    public static final String DEMO_CASEWORKER_AGENCY = "DHS-SHELTER";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private DevTokens() {
    }

    public static String issue(String subject, String agencyCode, DevRole role, Duration lifetime) {
        return DevTokenIssuer.issue(subject, agencyCode, lifetime, List.of(role.claim()));
    }

    /** The identity an agency's system uses to post its events: subject "<agency>-system". */
    public static String agencySystem(String agencyCode) {
        return issue(agencyCode + "-system", agencyCode, DevRole.AGENCY_SYSTEM, DEFAULT_LIFETIME);
    }

    public static String demoCaseworker() {
        return issue(DEMO_CASEWORKER, DEMO_CASEWORKER_AGENCY, DevRole.CASEWORKER, DEFAULT_LIFETIME);
    }

    public static String publicKeyPem() {
        return DevTokenIssuer.publicKeyPem();
    }

    public static String issuer() {
        return DevTokenIssuer.ISSUER;
    }
}
