package org.civiclink.audit.report;

import java.util.Arrays;
import java.util.Optional;

/** The anomaly reports there are (query parameter {@code kind}). */
public enum AnomalyKind {
    BULK_ACCESS("bulk-access"),
    AFTER_HOURS("after-hours"),
    REPEATED_DENIALS("repeated-denials"),
    NO_RELATIONSHIP("no-relationship");

    private final String code;

    AnomalyKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AnomalyKind> parse(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
