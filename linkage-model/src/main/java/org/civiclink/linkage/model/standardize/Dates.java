package org.civiclink.linkage.model.standardize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/** Dates of birth to yyyyMMdd, accepting ISO, US (MM/dd/yyyy) and compact forms. */
public final class Dates {

    /** Dates systems store when the real one is unknown. */
    private static final Set<String> PLACEHOLDERS = Set.of("19000101", "19010101", "18991231", "19700101", "20000101");

    private Dates() {
    }

    /** yyyyMMdd, or null when the value is no plausible date of birth. */
    public static String dateOfBirth(String raw) {
        String digits = Text.digits(raw);
        if (digits == null) {
            return null;
        }
        String trimmed = raw.trim();
        int year;
        int month;
        int day;
        try {
            if (digits.length() == 8 && (trimmed.length() == 8 || trimmed.indexOf('-') == 4 || trimmed.indexOf('/') == 4)) {
                year = Integer.parseInt(digits, 0, 4, 10);
                month = Integer.parseInt(digits, 4, 6, 10);
                day = Integer.parseInt(digits, 6, 8, 10);
            } else {
                String[] parts = trimmed.split("[/.\\-]");
                if (parts.length != 3 || parts[2].length() != 4) {
                    return null;
                }
                month = Integer.parseInt(parts[0].trim());
                day = Integer.parseInt(parts[1].trim());
                year = Integer.parseInt(parts[2].trim());
            }
            LocalDate date = LocalDate.of(year, month, day);
            if (year < 1880 || date.isAfter(LocalDate.of(2100, 1, 1))) {
                return null;
            }
            // Plain arithmetic: String.format would dominate the cost of standardizing a record.
            char[] out = new char[8];
            int value = year * 10000 + month * 100 + day;
            for (int i = 7; i >= 0; i--) {
                out[i] = (char) ('0' + value % 10);
                value /= 10;
            }
            return new String(out);
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** A date that is a default for an unknown day (January 1 of any year) or a known placeholder. */
    public static boolean unknownDefault(String yyyyMMdd) {
        return yyyyMMdd != null && (yyyyMMdd.endsWith("0101") || PLACEHOLDERS.contains(yyyyMMdd));
    }
}
