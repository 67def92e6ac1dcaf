package org.civiclink.deploy.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The roles the services know, as they appear in a token's {@code groups} claim. */
public enum DevRole {
    AGENCY_SYSTEM("agency-system"),
    CASEWORKER("caseworker"),
    SUPERVISOR("supervisor"),
    COMPLIANCE_OFFICER("compliance-officer"),
    ADMIN("admin");

    private final String claim;

    DevRole(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** Accepts the claim value ("compliance-officer") or the constant ("COMPLIANCE_OFFICER"). */
    public static DevRole parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(role -> role.claim.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + text + "'; valid roles: " + valid()));
    }

    public static String valid() {
        return Arrays.stream(values()).map(DevRole::claim).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return claim;
    }
}
