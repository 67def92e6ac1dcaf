package org.civiclink.linkage.model;

import org.civiclink.linkage.model.compare.Field;

/**
 * How the explanation waterfall shows a standardized value. A waterfall goes to caseworkers' screens and
 * logs, so it shows no more than the member view does: an SSN only by its last four digits.
 */
final class ShownValue {

    static final String SSN_MASK = "***-**-";

    private ShownValue() {
    }

    static String of(Field field, String value) {
        if (value == null) {
            return null;
        }
        return field == Field.SSN ? lastFourOfSsn(value) : value;
    }

    private static String lastFourOfSsn(String ssn) {
        return ssn.length() <= 4 ? SSN_MASK : SSN_MASK + ssn.substring(ssn.length() - 4);
    }
}
