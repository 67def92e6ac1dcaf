package org.civiclink.linkage.model.standardize;

import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;

/** Name folding: generational suffixes and titles removed; phonetic codes per part. */
public final class Names {

    private static final Set<String> SUFFIXES = Set.of("JR", "SR", "II", "III", "IV", "V", "JNR", "SNR", "JUNIOR", "SENIOR");
    private static final Set<String> TITLES = Set.of("MR", "MRS", "MS", "MISS", "DR");
    // DoubleMetaphone keeps configuration only (max code length), so one shared instance is thread safe.
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private Names() {
    }

    /** Folded name without suffixes and titles; parts separated by single spaces; null when empty. */
    public static String name(String raw) {
        String folded = Text.fold(raw);
        if (folded == null) {
            return null;
        }
        String[] parts = folded.split(" ");
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean edge = i == parts.length - 1 || i == 0;
            if (parts.length > 1 && ((i > 0 && SUFFIXES.contains(part)) || (edge && TITLES.contains(part)))) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(part);
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** The first space-separated part of a standardized name (MARY ANN -> MARY); null stays null. */
    public static String firstPart(String name) {
        if (name == null) {
            return null;
        }
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** Double Metaphone primary code of a whole name with its spaces removed. */
    public static String phonetic(String name) {
        if (name == null) {
            return null;
        }
        String code = METAPHONE.doubleMetaphone(name.replace(" ", ""));
        return code == null || code.isEmpty() ? name : code;
    }

    /** Double Metaphone primary code of each space-separated part, space separated. */
    public static String phoneticParts(String name) {
        if (name == null) {
            return null;
        }
        if (name.indexOf(' ') < 0) {
            return phonetic(name);
        }
        StringBuilder out = new StringBuilder();
        for (String part : name.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(phonetic(part));
        }
        return out.toString();
    }
}
