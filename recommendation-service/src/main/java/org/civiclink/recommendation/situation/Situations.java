package org.civiclink.recommendation.situation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads episodes, benefit statuses and household links out of facts, by the fact vocabulary of
 * docs/recommendation.md ("Client situation"). Pure functions, so rules and their examples see
 * exactly what the service sees.
 */
final class Situations {

    static final Comparator<SituationFact> CHRONOLOGICAL = Comparator
            .comparing(SituationFact::date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SituationFact::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** "shelter-entry"/"shelter-exit", "family-assessment-opened"/"-closed", "foster-care-opened"/"-closed". */
    private static final Pattern EPISODE_CODE = Pattern.compile("(.+)-(entry|exit|opened|closed)");

    /** "snap-applied", "snap-application", "cash-assistance-denied", "medicaid-granted", "snap-closed". */
    private static final Pattern BENEFIT_CODE = Pattern.compile("(.+)-(applied|application|granted|denied|closed)");

    private Situations() {
    }

    static List<Episode> episodes(List<SituationFact> chronological) {
        Map<String, Episode> byKind = new LinkedHashMap<>();
        for (SituationFact fact : chronological) {
            Matcher m = EPISODE_CODE.matcher(fact.code());
            if (!m.matches() || fact.category().equals("benefits")) {
                continue;
            }
            String key = fact.category() + "/" + m.group(1);
            boolean starts = m.group(2).equals("entry") || m.group(2).equals("opened");
            Episode current = byKind.get(key);
            if (starts) {
                // A repeated start while open keeps the first start: the stay did not begin again.
                if (current == null || !current.open()) {
                    byKind.put(key, new Episode(fact.category(), m.group(1), fact.sourceAgency(), fact.date(), null));
                }
            } else {
                LocalDate ended = fact.effectiveTo() != null ? fact.effectiveTo() : fact.date();
                LocalDate since = current != null ? current.since() : null;
                byKind.put(key, new Episode(fact.category(), m.group(1), fact.sourceAgency(), since, ended));
            }
        }
        return List.copyOf(byKind.values());
    }

    static List<BenefitStatus> benefits(List<SituationFact> chronological) {
        Map<String, BenefitStatus> byProgram = new LinkedHashMap<>();
        for (SituationFact fact : chronological) {
            Matcher m = BENEFIT_CODE.matcher(fact.code());
            if (!fact.category().equals("benefits") || !m.matches()) {
                continue;
            }
            String status = m.group(2).equals("application") ? "applied" : m.group(2);
            byProgram.put(m.group(1), new BenefitStatus(m.group(1), status, nullToEmpty(fact.value()), fact.date(),
                    fact.sourceAgency()));
        }
        return List.copyOf(byProgram.values());
    }

    static boolean isEncounter(SituationFact fact) {
        return fact.category().equals("health")
                && (fact.code().endsWith("-visit") || fact.code().endsWith("-admission") || fact.code().equals("encounter"));
    }

    static List<HouseholdLink> household(List<SituationFact> facts) {
        List<HouseholdLink> links = new ArrayList<>();
        for (SituationFact fact : facts) {
            if (fact.category().equals("household") && fact.code().startsWith("member-")) {
                links.add(new HouseholdLink(fact.code().substring("member-".length()), nullToEmpty(fact.value()),
                        fact.sourceAgency()));
            }
        }
        return links;
    }

    static Optional<LocalDate> parseDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> parseInt(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
