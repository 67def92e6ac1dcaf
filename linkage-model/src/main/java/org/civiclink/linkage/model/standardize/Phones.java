package org.civiclink.linkage.model.standardize;

/** Phone numbers to ten digits for US numbers (country code 1 dropped); other numbers keep their digits. */
public final class Phones {

    private Phones() {
    }

    public static String phone(String raw) {
        String digits = Text.digits(raw);
        if (digits == null) {
            return null;
        }
        String national = digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
        if (national.length() == 10) {
            // NANP: area code and exchange never start with 0 or 1; 555-01xx numbers are fictional.
            if (national.charAt(0) < '2' || national.chars().allMatch(c -> c == national.charAt(0))) {
                return null;
            }
            return national;
        }
        return digits.length() >= 7 && digits.length() <= 15 && raw.trim().startsWith("+") ? "+" + digits : null;
    }
}
