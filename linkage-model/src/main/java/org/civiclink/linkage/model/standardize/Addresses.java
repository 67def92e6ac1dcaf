package org.civiclink.linkage.model.standardize;

import java.util.Map;
import java.util.regex.Pattern;

/** Street lines in USPS style: upper case, standard suffix and direction abbreviations, no unit. */
public final class Addresses {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("STREET", "ST"), Map.entry("STR", "ST"), Map.entry("AVENUE", "AVE"), Map.entry("AV", "AVE"),
            Map.entry("AVEN", "AVE"), Map.entry("BOULEVARD", "BLVD"), Map.entry("BOUL", "BLVD"), Map.entry("ROAD", "RD"),
            Map.entry("DRIVE", "DR"), Map.entry("LANE", "LN"), Map.entry("PLACE", "PL"), Map.entry("COURT", "CT"),
            Map.entry("TERRACE", "TER"), Map.entry("PARKWAY", "PKWY"), Map.entry("HIGHWAY", "HWY"),
            Map.entry("SQUARE", "SQ"), Map.entry("CIRCLE", "CIR"), Map.entry("EXPRESSWAY", "EXPY"),
            Map.entry("TURNPIKE", "TPKE"), Map.entry("PLAZA", "PLZ"), Map.entry("NORTH", "N"), Map.entry("SOUTH", "S"),
            Map.entry("EAST", "E"), Map.entry("WEST", "W"), Map.entry("FIRST", "1ST"), Map.entry("SECOND", "2ND"),
            Map.entry("THIRD", "3RD"), Map.entry("FOURTH", "4TH"), Map.entry("FIFTH", "5TH"));
    /** Everything from a unit designator on is the unit. */
    private static final Pattern UNIT = Pattern.compile(
            "\\s*(?:#|\\b(?:APT|APARTMENT|UNIT|STE|SUITE|RM|ROOM|FL|FLOOR|BSMT|PH)\\b\\.?).*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(?:-?\\d{4})?");

    private Addresses() {
    }

    public static String street(String raw) {
        if (raw == null) {
            return null;
        }
        String folded = Text.fold(UNIT.matcher(raw).replaceFirst(""));
        if (folded == null) {
            return null;
        }
        String[] words = folded.split(" ");
        StringBuilder out = new StringBuilder(folded.length());
        for (String word : words) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(WORDS.getOrDefault(word, word));
        }
        return out.toString();
    }

    public static String city(String raw) {
        return Text.fold(raw);
    }

    /** US ZIP and ZIP+4 to five digits; a foreign postcode folded without spaces. */
    public static String zip(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.trim();
        if (US_ZIP.matcher(trimmed).matches()) {
            String five = trimmed.substring(0, 5);
            return "00000".equals(five) ? null : five;
        }
        String folded = Text.fold(trimmed);
        return folded == null ? null : folded.replace(" ", "");
    }
}
