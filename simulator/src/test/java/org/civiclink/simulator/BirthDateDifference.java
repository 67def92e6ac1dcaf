package org.civiclink.simulator;

import java.time.LocalDate;

/**
 * How two recorded birth dates of one person differ, told apart by shape alone: each kind of
 * recording error leaves a signature the others cannot produce.
 */
enum BirthDateDifference {

    /** Same year, day and month exchanged. */
    DAY_MONTH_SWAP,
    /** Same year, one of them January 1 and the other in a later month: only the year was known. */
    JANUARY_FIRST_DEFAULT,
    /** Same month; either the same year with one wrong digit of the day, or the same day with one wrong digit of the year. */
    ONE_DIGIT,
    /** None of the above alone, e.g. two records with different errors. */
    OTHER;

    static BirthDateDifference of(LocalDate a, LocalDate b) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("not different: " + a);
        }
        boolean sameYear = a.getYear() == b.getYear();
        if (sameYear && a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth()) {
            return DAY_MONTH_SWAP;
        }
        if (sameYear && (isJanuaryFirst(a) && b.getMonthValue() > 1 || isJanuaryFirst(b) && a.getMonthValue() > 1)) {
            return JANUARY_FIRST_DEFAULT;
        }
        boolean sameMonth = a.getMonthValue() == b.getMonthValue();
        if (sameMonth && (sameYear && oneDigitApart(a.getDayOfMonth(), b.getDayOfMonth())
                || a.getDayOfMonth() == b.getDayOfMonth() && oneDigitApart(a.getYear(), b.getYear()))) {
            return ONE_DIGIT;
        }
        return OTHER;
    }

    private static boolean isJanuaryFirst(LocalDate date) {
        return date.getMonthValue() == 1 && date.getDayOfMonth() == 1;
    }

    /** Whether the numbers, written with the same number of digits, differ in exactly one place. */
    private static boolean oneDigitApart(int x, int y) {
        String a = String.format("%04d", x);
        String b = String.format("%04d", y);
        int differing = 0;
        for (int i = 0; i < a.length(); i++) {
            differing += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return differing == 1;
    }
}
