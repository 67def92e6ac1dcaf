package org.civiclink.simulator.records;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** The kinds of error people make when they type other people's details. */
final class Corruptions {

    /** Placeholder SSNs that intake clerks type when they have none. */
    static final String[] PLACEHOLDER_SSNS = {"000-00-0000", "123-45-6789", "999-99-9999", "111-11-1111", "078-05-1120"};

    private static final Map<Character, String> QWERTY_NEIGHBOURS = Map.ofEntries(
            Map.entry('a', "qwsz"), Map.entry('b', "vghn"), Map.entry('c', "xdfv"), Map.entry('d', "serfcx"),
            Map.entry('e', "wsdr"), Map.entry('f', "drtgvc"), Map.entry('g', "ftyhbv"), Map.entry('h', "gyujnb"),
            Map.entry('i', "ujko"), Map.entry('j', "huikmn"), Map.entry('k', "jiolm"), Map.entry('l', "kop"),
            Map.entry('m', "njk"), Map.entry('n', "bhjm"), Map.entry('o', "iklp"), Map.entry('p', "ol"),
            Map.entry('q', "wa"), Map.entry('r', "edft"), Map.entry('s', "awedxz"), Map.entry('t', "rfgy"),
            Map.entry('u', "yhji"), Map.entry('v', "cfgb"), Map.entry('w', "qase"), Map.entry('x', "zsdc"),
            Map.entry('y', "tghu"), Map.entry('z', "asx"));

    private Corruptions() {
    }

    /** One keyboard slip: a neighbouring key, a dropped, doubled or swapped letter. */
    static String typo(String value, SplittableRandom random) {
        if (value == null || value.length() < 3) {
            return value;
        }
        int at = 1 + random.nextInt(value.length() - 1);
        char original = value.charAt(at);
        return switch (random.nextInt(4)) {
            case 0 -> {
                String neighbours = QWERTY_NEIGHBOURS.get(Character.toLowerCase(original));
                if (neighbours == null) {
                    yield value;
                }
                char replacement = neighbours.charAt(random.nextInt(neighbours.length()));
                yield value.substring(0, at) + (Character.isUpperCase(original) ? Character.toUpperCase(replacement) : replacement)
                        + value.substring(at + 1);
            }
            case 1 -> value.substring(0, at) + value.substring(at + 1);
            case 2 -> value.substring(0, at) + original + value.substring(at);
            default -> at < value.length() - 1
                    ? value.substring(0, at) + value.charAt(at + 1) + original + value.substring(at + 2)
                    : value;
        };
    }

    /** Two adjacent digits swapped, e.g. 412-55-0198 as 412-55-0918. */
    static String transposeDigits(String value, SplittableRandom random) {
        char[] chars = value.toCharArray();
        for (int attempt = 0; attempt < 10; attempt++) {
            int at = random.nextInt(chars.length - 1);
            if (Character.isDigit(chars[at]) && Character.isDigit(chars[at + 1]) && chars[at] != chars[at + 1]) {
                char swap = chars[at];
                chars[at] = chars[at + 1];
                chars[at + 1] = swap;
                return new String(chars);
            }
        }
        return value;
    }

    /** Day and month exchanged, as happens between US and European date habits; only where it stays a date. */
    static LocalDate swapDayAndMonth(LocalDate date) {
        return date.getDayOfMonth() <= 12 && date.getDayOfMonth() != date.getMonthValue()
                ? LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue())
                : date;
    }

    /** A single wrong digit in the year or day. */
    static LocalDate birthDateTypo(LocalDate date, SplittableRandom random) {
        if (random.nextBoolean()) {
            int year = date.getYear();
            int newYear = year - year % 10 + (year % 10 + 1 + random.nextInt(9)) % 10;
            return safe(newYear, date.getMonthValue(), date.getDayOfMonth(), date);
        }
        int day = date.getDayOfMonth();
        int newDay = day - day % 10 + (day % 10 + 1 + random.nextInt(9)) % 10;
        return safe(date.getYear(), date.getMonthValue(), Math.max(1, newDay), date);
    }

    /** Upper or lower case throughout, as some systems store names. */
    static String changeCase(String value, SplittableRandom random) {
        if (value == null) {
            return null;
        }
        return random.nextBoolean() ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT);
    }

    /** "Garcia Lopez" recorded as "Garcia", "Garcia-Lopez" or "Lopez"; "Smith-Jones" as "Smith Jones" or "Smith". */
    static String varyCompoundSurname(String family, SplittableRandom random) {
        String[] parts = family.split("[ -]", 2);
        if (parts.length < 2) {
            return family;
        }
        return switch (random.nextInt(4)) {
            case 0 -> parts[0];
            case 1 -> parts[0] + "-" + parts[1];
            case 2 -> parts[0] + " " + parts[1];
            default -> parts[1];
        };
    }

    private static LocalDate safe(int year, int month, int day, LocalDate fallback) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }
}
