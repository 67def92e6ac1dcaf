package org.civiclink.simulator.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.civiclink.simulator.names.NameBank;
import org.civiclink.simulator.population.Address;
import org.civiclink.simulator.population.Person;

/**
 * Turns a person into the records agencies hold about them: which agencies know them depends on
 * their situation, and each record carries that agency's typical errors.
 */
public final class RecordGenerator {

    private final Map<String, AgencyProfile> profiles = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final NameBank names;
    private final SplittableRandom random;

    public RecordGenerator(List<AgencyProfile> agencyProfiles, NameBank names, SplittableRandom random) {
        agencyProfiles.forEach(profile -> profiles.put(profile.agencyCode(), profile));
        this.names = names;
        this.random = random;
    }

    public List<SourceRecord> recordsOf(Person person) {
        List<SourceRecord> records = new ArrayList<>();
        for (String agency : agenciesKnowing(person)) {
            AgencyProfile profile = profiles.get(agency);
            if (profile == null) {
                continue;
            }
            records.add(record(person, profile));
            // Some people are registered twice at one agency, e.g. after a lost card.
            if (random.nextDouble() < 0.04) {
                records.add(record(person, profile));
            }
        }
        if (records.isEmpty()) {
            records.add(record(person, profiles.values().iterator().next()));
        }
        return records;
    }

    private List<String> agenciesKnowing(Person person) {
        List<String> agencies = new ArrayList<>();
        if (person.address().shelter() || (!person.child() && random.nextDouble() < 0.05)) {
            agencies.add("DHS-SHELTER");
        }
        if (random.nextDouble() < (person.child() ? 0.5 : 0.15)) {
            agencies.add("ACS");
        }
        if (!person.child() && random.nextDouble() < 0.6) {
            agencies.add("HRA");
        }
        if (random.nextDouble() < 0.5) {
            agencies.add("HHC");
        }
        return agencies;
    }

    private SourceRecord record(Person person, AgencyProfile p) {
        String first = person.given();
        String middle = person.middle();
        String last = person.family();
        if (person.maidenFamily().isPresent() && happens(p.maidenNameRate())) {
            last = person.maidenFamily().get();
        }
        if (happens(p.compoundSurnameVariationRate())) {
            last = Corruptions.varyCompoundSurname(last, random);
        }
        if (happens(p.nicknameRate())) {
            List<String> nicknames = names.nicknamesOf(first);
            if (!nicknames.isEmpty()) {
                first = nicknames.get(random.nextInt(nicknames.size()));
            }
        }
        if (person.suffix() != null && random.nextBoolean()) {
            last = last + " " + person.suffix();
        }
        if (happens(p.typoRate())) {
            if (random.nextBoolean()) {
                first = Corruptions.typo(first, random);
            } else {
                last = Corruptions.typo(last, random);
            }
        }
        if (middle != null && happens(p.missingMiddleRate())) {
            middle = random.nextBoolean() ? null : middle.substring(0, 1);
        }
        if (happens(p.firstLastSwapRate())) {
            String swap = first;
            first = last;
            last = swap;
        }
        if (happens(p.caseChangeRate())) {
            first = Corruptions.changeCase(first, random);
            middle = Corruptions.changeCase(middle, random);
            last = Corruptions.changeCase(last, random);
        }
        Address address = person.previousAddress().filter(old -> happens(p.oldAddressRate())).orElse(person.address());
        return new SourceRecord(nextRecordId(p.agencyCode()), p.agencyCode(), first, orEmpty(middle), last,
                birthDate(person.dateOfBirth(), p), String.valueOf(person.sex()), ssn(person.ssn(), p),
                address.street(), address.city(), address.zip(), happens(p.missingPhoneRate()) ? "" : person.phone(),
                person.personId());
    }

    private String birthDate(LocalDate truth, AgencyProfile p) {
        LocalDate recorded = truth;
        if (happens(p.unknownBirthDateRate())) {
            // The default some systems store when only the year is known.
            recorded = LocalDate.of(truth.getYear(), 1, 1);
        } else if (happens(p.dayMonthSwapRate())) {
            recorded = Corruptions.swapDayAndMonth(truth);
        } else if (happens(p.birthDateTypoRate())) {
            recorded = Corruptions.birthDateTypo(truth, random);
        }
        return recorded.toString();
    }

    private String ssn(Optional<String> truth, AgencyProfile p) {
        if (truth.isEmpty() || happens(p.missingSsnRate())) {
            return happens(p.placeholderSsnRate() * 3)
                    ? Corruptions.PLACEHOLDER_SSNS[random.nextInt(Corruptions.PLACEHOLDER_SSNS.length)] : "";
        }
        if (happens(p.placeholderSsnRate())) {
            return Corruptions.PLACEHOLDER_SSNS[random.nextInt(Corruptions.PLACEHOLDER_SSNS.length)];
        }
        return happens(p.ssnTranspositionRate()) ? Corruptions.transposeDigits(truth.get(), random) : truth.get();
    }

    private boolean happens(double rate) {
        return random.nextDouble() < rate;
    }

    private String nextRecordId(String agency) {
        long next = sequences.merge(agency, 1L, Long::sum);
        return agency + "-" + next;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
