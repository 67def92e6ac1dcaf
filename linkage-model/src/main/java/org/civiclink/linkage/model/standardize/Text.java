package org.civiclink.linkage.model.standardize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case, accent and punctuation folding shared by every text field. */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Z0-9 ]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private Text() {
    }

    /** Upper case ASCII letters and digits separated by single spaces; hyphens and punctuation become spaces. Null when nothing is left. */
    public static String fold(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("")
                .replace('ß', 'S').replace('ø', 'O').replace('Ø', 'O').replace('ł', 'L').replace('Ł', 'L')
                .replace('æ', 'A').replace('Æ', 'A').replace('đ', 'D').replace('Đ', 'D')
                .toUpperCase(Locale.ROOT);
        // Apostrophes join (O'Brien -> OBRIEN); every other separator splits.
        plain = plain.replace("'", "").replace("\u2019", "");
        String cleaned = SPACES.matcher(NOT_ALNUM.matcher(plain).replaceAll(" ")).replaceAll(" ").trim();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Only the digits of a value, or null when there are none. */
    public static String digits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
