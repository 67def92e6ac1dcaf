package org.civiclink.recommendation.situation;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A client's current situation across agencies, as rules may see it: only facts that consent or a
 * documented policy lets the referral purpose use. Everything else here is derived from those facts,
 * so a withheld fact can never leak into an episode, an age or a benefit status.
 *
 * @param asOf the day the situation is read on; ages and "days since" count to it
 * @param facts the usable facts, oldest first
 * @param doNotContact the client asked not to be contacted: referrals must not reach out
 * @param withheldFacts how many stored facts consent kept out (a count only, for the processing log)
 */
public record ClientSituation(String clientId, LocalDate asOf, List<SituationFact> facts, boolean doNotContact,
                              int withheldFacts) {

    public static final String DATE_OF_BIRTH_CATEGORY = "person";
    public static final String DATE_OF_BIRTH_CODE = "date-of-birth";

    public ClientSituation {
        facts = facts.stream().sorted(Situations.CHRONOLOGICAL).toList();
    }

    /** Age in whole years from the most recently reported usable date of birth, if any. */
    public Optional<Integer> age() {
        return dateOfBirth().map(born -> Period.between(born, asOf).getYears());
    }

    public Optional<SituationFact> dateOfBirthFact() {
        return facts.stream()
                .filter(fact -> fact.is(DATE_OF_BIRTH_CATEGORY, DATE_OF_BIRTH_CODE))
                .filter(fact -> Situations.parseDate(fact.value()).isPresent())
                .max(Comparator.comparing(SituationFact::recordedAt));
    }

    private Optional<LocalDate> dateOfBirth() {
        return dateOfBirthFact().flatMap(fact -> Situations.parseDate(fact.value()));
    }

    public List<Episode> episodes() {
        return Situations.episodes(facts);
    }

    /** The start of the current shelter stay, if the client is in shelter. */
    public Optional<LocalDate> shelterSince() {
        return episodes().stream().filter(e -> e.open() && e.kind().equals("shelter")).map(Episode::since).findFirst();
    }

    public boolean openChildWelfareCase() {
        return episodes().stream().anyMatch(e -> e.open() && e.category().equals("child-welfare"));
    }

    public List<BenefitStatus> benefits() {
        return Situations.benefits(facts);
    }

    public List<SituationFact> healthEncounters() {
        return facts.stream().filter(Situations::isEncounter).toList();
    }

    public List<HouseholdLink> household() {
        return Situations.household(facts);
    }

    public Optional<Integer> householdSize() {
        return facts.stream().filter(f -> f.is("household", "household-size"))
                .reduce((first, second) -> second)
                .flatMap(f -> Situations.parseInt(f.value()));
    }
}
