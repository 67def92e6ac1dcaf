package org.civiclink.linkage.model.compare;

import java.util.Map;
import java.util.function.BiFunction;

import org.civiclink.linkage.model.StandardizedRecord;
import org.civiclink.linkage.model.standardize.Nicknames;

/**
 * The registry of level types a model file may name. Each factory receives the level's parameters and the
 * comparison's field and returns a symmetric predicate.
 */
public final class LevelPredicates {

    private static final Map<String, BiFunction<LevelSpec, Field, LevelPredicate>> TYPES = Map.ofEntries(
            Map.entry("null", (spec, field) -> (a, b, ra, rb) -> a == null || b == null),
            Map.entry("else", (spec, field) -> (a, b, ra, rb) -> true),
            Map.entry("exact", (spec, field) -> (a, b, ra, rb) -> a != null && b != null && a.equals(b)),
            Map.entry("nickname", (spec, field) -> LevelPredicates::nickname),
            Map.entry("swapped_names", (spec, field) -> LevelPredicates::swappedNames),
            Map.entry("any_part", (spec, field) -> (a, b, ra, rb) -> a != null && b != null && StringSimilarity.sharesPart(a, b)),
            Map.entry("initial", (spec, field) -> (a, b, ra, rb) -> a != null && b != null && a.charAt(0) == b.charAt(0)),
            Map.entry("jaro_winkler", LevelPredicates::jaroWinkler),
            Map.entry("double_metaphone", LevelPredicates::doubleMetaphone),
            Map.entry("damerau_levenshtein", LevelPredicates::damerau),
            Map.entry("same_street", (spec, field) -> (a, b, ra, rb) -> a != null && b != null
                    && ra.street().equals(rb.street())),
            Map.entry("date_day_month_swapped", (spec, field) -> LevelPredicates::dayMonthSwapped),
            Map.entry("date_within_years", LevelPredicates::withinYears),
            Map.entry("unknown_date_default", (spec, field) -> LevelPredicates::unknownDateDefault),
            Map.entry("contact_address_and_phone", (spec, field) -> (a, b, ra, rb) -> a != null && b != null
                    && samePart(a, b, 0) && samePart(a, b, 1)),
            Map.entry("contact_address", (spec, field) -> (a, b, ra, rb) -> a != null && b != null && samePart(a, b, 0)),
            Map.entry("contact_phone", (spec, field) -> (a, b, ra, rb) -> a != null && b != null && samePart(a, b, 1)),
            Map.entry("contact_street", (spec, field) -> (a, b, ra, rb) -> a != null && b != null
                    && a.charAt(0) != Field.PART_SEPARATOR && b.charAt(0) != Field.PART_SEPARATOR
                    && ra.street().equals(rb.street())));

    private LevelPredicates() {
    }

    public static LevelPredicate create(LevelSpec spec, Field field) {
        BiFunction<LevelSpec, Field, LevelPredicate> factory = TYPES.get(spec.type());
        if (factory == null) {
            throw new IllegalArgumentException("unknown level type '" + spec.type() + "' in level '" + spec.label()
                    + "'; known: " + new java.util.TreeSet<>(TYPES.keySet()));
        }
        return factory.apply(spec, field);
    }

    private static boolean nickname(String a, String b, StandardizedRecord ra, StandardizedRecord rb) {
        return a != null && b != null && Nicknames.mayBeSameName(ra.firstFormalNames(), rb.firstFormalNames());
    }

    /**
     * First name of each is (close to) the other's last name, both ways: a shared part of a compound name or a
     * single typo, so a swap that also carries a typo or a shortened compound still counts.
     */
    private static boolean swappedNames(String a, String b, StandardizedRecord ra, StandardizedRecord rb) {
        if (a == null || b == null || ra.firstName() == null || ra.lastName() == null || rb.firstName() == null
                || rb.lastName() == null) {
            return false;
        }
        return close(ra.firstName(), rb.lastName()) && close(rb.firstName(), ra.lastName());
    }

    private static boolean close(String x, String y) {
        return StringSimilarity.sharesPart(x, y) || StringSimilarity.damerauWithin(x, y, 1);
    }

    private static LevelPredicate jaroWinkler(LevelSpec spec, Field field) {
        double threshold = required(spec.threshold(), spec, "threshold");
        return (a, b, ra, rb) -> a != null && b != null && StringSimilarity.jaroWinkler(a, b) >= threshold;
    }

    private static LevelPredicate damerau(LevelSpec spec, Field field) {
        int max = required(spec.maxDistance(), spec, "maxDistance");
        return (a, b, ra, rb) -> a != null && b != null && StringSimilarity.damerauWithin(a, b, max);
    }

    private static LevelPredicate doubleMetaphone(LevelSpec spec, Field field) {
        return switch (field) {
            case FIRST_NAME -> (a, b, ra, rb) -> a != null && b != null && ra.firstPhonetic().equals(rb.firstPhonetic());
            case LAST_NAME -> (a, b, ra, rb) -> a != null && b != null && ra.lastPhonetic().equals(rb.lastPhonetic());
            default -> throw new IllegalArgumentException("double_metaphone applies to first_name or last_name, not " + field.jsonName());
        };
    }

    private static boolean dayMonthSwapped(String a, String b, StandardizedRecord ra, StandardizedRecord rb) {
        String x = ra.dateOfBirth();
        String y = rb.dateOfBirth();
        return a != null && b != null && x != null && y != null && x.regionMatches(0, y, 0, 4)
                && x.regionMatches(4, y, 6, 2) && x.regionMatches(6, y, 4, 2) && !x.equals(y);
    }

    private static LevelPredicate withinYears(LevelSpec spec, Field field) {
        int years = required(spec.years(), spec, "years");
        return (a, b, ra, rb) -> a != null && b != null && ra.dateOfBirth() != null && rb.dateOfBirth() != null
                && Math.abs(ra.birthYear() - rb.birthYear()) <= years;
    }

    /** One side is an "only the year is known" default and the years agree: weak, year-only evidence. */
    private static boolean unknownDateDefault(String a, String b, StandardizedRecord ra, StandardizedRecord rb) {
        return a != null && b != null && ra.dateOfBirth() != null && rb.dateOfBirth() != null
                && (ra.dobUnknownDefault() || rb.dobUnknownDefault()) && ra.birthYear() == rb.birthYear();
    }

    /** Whether part 0 (address) or 1 (phone) of two joint contact values is present and equal. */
    private static boolean samePart(String a, String b, int part) {
        int sa = a.indexOf(Field.PART_SEPARATOR);
        int sb = b.indexOf(Field.PART_SEPARATOR);
        int fromA = part == 0 ? 0 : sa + 1;
        int fromB = part == 0 ? 0 : sb + 1;
        int lengthA = part == 0 ? sa : a.length() - sa - 1;
        int lengthB = part == 0 ? sb : b.length() - sb - 1;
        return lengthA > 0 && lengthA == lengthB && a.regionMatches(fromA, b, fromB, lengthA);
    }

    private static <T> T required(T value, LevelSpec spec, String name) {
        if (value == null) {
            throw new IllegalArgumentException("level '" + spec.label() + "' of type " + spec.type() + " needs '" + name + "'");
        }
        return value;
    }
}
