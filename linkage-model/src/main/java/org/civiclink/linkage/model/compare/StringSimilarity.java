package org.civiclink.linkage.model.compare;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The commons-text comparators, called with their arguments in a canonical order so the result is
 * symmetric bit for bit whatever the library does internally with equal-length inputs.
 */
public final class StringSimilarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private StringSimilarity() {
    }

    public static double jaroWinkler(String a, String b) {
        return a.compareTo(b) <= 0 ? JARO_WINKLER.apply(a, b) : JARO_WINKLER.apply(b, a);
    }

    /** True when the optimal-string-alignment distance is at most {@code max}. */
    public static boolean damerauWithin(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        DamerauLevenshteinDistance distance = new DamerauLevenshteinDistance(max);
        int d = a.compareTo(b) <= 0 ? distance.apply(a, b) : distance.apply(b, a);
        return d >= 0 && d <= max;
    }

    /** Whether any space-separated part of {@code a} equals any part of {@code b}. */
    public static boolean sharesPart(String a, String b) {
        int i = 0;
        while (i < a.length()) {
            int end = a.indexOf(' ', i);
            if (end < 0) {
                end = a.length();
            }
            if (containsPart(b, a, i, end)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    /** Whether {@code whole} has a space-separated part equal to {@code part}. */
    public static boolean hasPart(String whole, String part) {
        return containsPart(whole, part, 0, part.length());
    }

    private static boolean containsPart(String whole, String source, int from, int to) {
        int length = to - from;
        int at = 0;
        while (at <= whole.length() - length) {
            int end = whole.indexOf(' ', at);
            if (end < 0) {
                end = whole.length();
            }
            if (end - at == length && whole.regionMatches(at, source, from, length)) {
                return true;
            }
            at = end + 1;
        }
        return false;
    }
}
