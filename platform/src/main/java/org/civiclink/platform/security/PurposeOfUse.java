package org.civiclink.platform.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why personal data is used. Every request that reads or changes personal data declares one in
 * the {@value #HEADER} header; break-the-glass also needs a reason in {@value #REASON_HEADER}.
 */
public enum PurposeOfUse {
    TREATMENT("treatment and case management", false),
    REFERRAL("referral to a service", false),
    ELIGIBILITY("eligibility determination", false),
    COMPLIANCE_REVIEW("compliance review and oversight", false),
    BREAK_THE_GLASS("emergency access outside the usual purposes", true);

    public static final String HEADER = "Purpose-Of-Use";
    public static final String REASON_HEADER = "Purpose-Of-Use-Reason";

    private final String description;
    private final boolean reasonRequired;

    PurposeOfUse(String description, boolean reasonRequired) {
        this.description = description;
        this.reasonRequired = reasonRequired;
    }

    public String description() {
        return description;
    }

    public boolean reasonRequired() {
        return reasonRequired;
    }

    public static Optional<PurposeOfUse> parse(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        String normalized = headerValue.trim().toUpperCase().replace('-', '_');
        return Arrays.stream(values()).filter(p -> p.name().equals(normalized)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
