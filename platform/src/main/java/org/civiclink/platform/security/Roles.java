package org.civiclink.platform.security;

/** The roles a CivicLink token may carry, in the JWT "groups" claim. */
public final class Roles {

    public static final String AGENCY_SYSTEM = "agency-system";
    public static final String CASEWORKER = "caseworker";
    public static final String SUPERVISOR = "supervisor";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String ADMIN = "admin";
    /** Services acting on their own, e.g. a stream processor linking records. Never issued in a token. */
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
