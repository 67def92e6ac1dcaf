package org.civiclink.linkage.model.standardize;

import java.util.Set;

/** SSN validation: only structurally valid, non-placeholder numbers are identity evidence. */
public final class Ssns {

    /** Numbers typed when the real one is unknown, or published in advertising (078-05-1120). */
    private static final Set<String> PLACEHOLDERS = Set.of("123456789", "111111111", "222222222", "333333333",
            "444444444", "555555555", "777777777", "888888888", "999999999", "000000000", "078051120", "219099999",
            "987654321", "012345678", "123121234");

    private Ssns() {
    }

    /** Nine digits, or null when the value is not a valid SSN (area 000/666/9xx, group 00, serial 0000, placeholders). */
    public static String ssn(String raw) {
        String digits = Text.digits(raw);
        if (digits == null || digits.length() != 9 || PLACEHOLDERS.contains(digits)) {
            return null;
        }
        int area = Integer.parseInt(digits, 0, 3, 10);
        int group = Integer.parseInt(digits, 3, 5, 10);
        int serial = Integer.parseInt(digits, 5, 9, 10);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return null;
        }
        boolean allSame = digits.chars().allMatch(c -> c == digits.charAt(0));
        return allSame ? null : digits;
    }
}
