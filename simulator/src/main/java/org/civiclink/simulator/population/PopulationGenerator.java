package org.civiclink.simulator.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.civiclink.simulator.names.NameBank;

/**
 * Generates people household by household: singles, couples and single parents with children,
 * twins, juniors and seniors at one address, shelters that many households share, married and
 * maiden names, compound and hyphenated surnames, moves. Deterministic for a given random source.
 */
public final class PopulationGenerator {

    private static final String[] AREA_CODES = {"212", "718", "347", "646", "917", "929"};

    private final NameBank names;
    private final PopulationSettings settings;
    private final SplittableRandom random;
    private final List<Address> shelters = new ArrayList<>();
    private final Set<String> issuedSsns = new HashSet<>();
    private long nextPersonId = 1;

    public PopulationGenerator(NameBank names, PopulationSettings settings, SplittableRandom random) {
        this.names = names;
        this.settings = settings;
        this.random = random;
        for (int i = 0; i < settings.shelters(); i++) {
            NameBank.Place place = pick(names.places());
            shelters.add(new Address((100 + random.nextInt(900)) + " " + pick(names.streets()), place.city(), place.zip(), true));
        }
    }

    /** The next household's members, adults first. */
    public List<Person> nextHousehold() {
        boolean inShelter = random.nextDouble() < settings.shelterShare();
        Address home = inShelter ? pick(shelters) : newAddress();
        String phone = newPhone();
        double kind = random.nextDouble();
        List<Person> members = new ArrayList<>();
        if (kind < settings.familyShare()) {
            Person first = adult(home, phone, random.nextBoolean(), null);
            Person partner = partnerOf(first, home, phone);
            members.add(first);
            members.add(partner);
            if (random.nextDouble() < 0.7) {
                addChildren(members, first.sex() == 'M' ? first : partner, home, phone);
            }
        } else if (kind < settings.familyShare() + settings.singleParentShare()) {
            Person parent = adult(home, phone, random.nextDouble() < 0.8, null);
            members.add(parent);
            addChildren(members, parent, home, phone);
        } else {
            members.add(adult(home, phone, random.nextBoolean(), null));
        }
        return members;
    }

    private Person adult(Address home, String householdPhone, boolean female, String family) {
        String surname = family != null ? family : newSurname();
        LocalDate birth = birthDate(18, 85);
        return new Person(nextId(), given(female), middle(female), surname, null, female ? 'F' : 'M', birth,
                Optional.of(newSsn()), home, moved(), random.nextDouble() < 0.6 ? newPhone() : householdPhone,
                Optional.empty(), false);
    }

    /** A partner of the other sex; often takes the first adult's surname, keeping the maiden name. */
    private Person partnerOf(Person first, Address home, String phone) {
        boolean female = first.sex() == 'M';
        String own = newSurname();
        boolean takesName = random.nextDouble() < settings.marriedNameRate();
        LocalDate birth = clamp(first.dateOfBirth().plusYears(random.nextInt(-6, 7)).plusDays(random.nextInt(365)));
        return new Person(nextId(), given(female), middle(female), takesName ? first.family() : own, null, female ? 'F' : 'M',
                birth, Optional.of(newSsn()), home, moved(), random.nextDouble() < 0.6 ? newPhone() : phone,
                takesName ? Optional.of(own) : Optional.empty(), false);
    }

    private void addChildren(List<Person> members, Person parent, Address home, String phone) {
        int count = 1 + random.nextInt(3);
        boolean twins = random.nextDouble() < settings.twinRate();
        boolean junior = parent.sex() == 'M' && random.nextDouble() < settings.juniorRate();
        LocalDate previousBirth = null;
        for (int i = 0; i < count + (twins ? 1 : 0); i++) {
            boolean twin = twins && i == 1;
            LocalDate birth = twin ? previousBirth : childBirth(parent.dateOfBirth());
            boolean female = random.nextBoolean();
            String given = given(female);
            String suffix = null;
            if (junior && i == 0) {
                female = false;
                given = parent.given();
                suffix = "Jr";
                members.set(members.indexOf(parent), withSuffix(parent, "Sr"));
            }
            // Agencies often hold no SSN for a child; the child may not have been issued one.
            Optional<String> ssn = random.nextDouble() < 0.5 ? Optional.empty() : Optional.of(newSsn());
            members.add(new Person(nextId(), given, middle(female), parent.family(), suffix, female ? 'F' : 'M', birth,
                    ssn, home, Optional.empty(), phone, Optional.empty(), true));
            previousBirth = birth;
        }
    }

    private LocalDate childBirth(LocalDate parentBirth) {
        LocalDate earliest = parentBirth.plusYears(18);
        LocalDate latestAdult = settings.referenceDate().minusYears(18);
        LocalDate start = earliest.isAfter(latestAdult) ? earliest : latestAdult;
        long span = settings.referenceDate().toEpochDay() - start.toEpochDay();
        return span <= 0 ? settings.referenceDate().minusDays(random.nextInt(1, 365))
                : LocalDate.ofEpochDay(start.toEpochDay() + random.nextLong(span));
    }

    private static Person withSuffix(Person person, String suffix) {
        return new Person(person.personId(), person.given(), person.middle(), person.family(), suffix, person.sex(),
                person.dateOfBirth(), person.ssn(), person.address(), person.previousAddress(), person.phone(),
                person.maidenFamily(), person.child());
    }

    private String newSurname() {
        String first = names.surnames().pick(random);
        double shape = random.nextDouble();
        if (shape < settings.compoundSurnameRate()) {
            return first + " " + names.surnames().pick(random);
        }
        if (shape < settings.compoundSurnameRate() + settings.hyphenatedRate()) {
            return first + "-" + names.surnames().pick(random);
        }
        return first;
    }

    private String given(boolean female) {
        return names.givenNames(female).pick(random);
    }

    private String middle(boolean female) {
        return random.nextDouble() < 0.55 ? names.givenNames(female).pick(random) : null;
    }

    private LocalDate birthDate(int minAge, int maxAge) {
        long newest = settings.referenceDate().minusYears(minAge).toEpochDay();
        long oldest = settings.referenceDate().minusYears(maxAge).toEpochDay();
        return LocalDate.ofEpochDay(oldest + random.nextLong(newest - oldest));
    }

    private LocalDate clamp(LocalDate birth) {
        LocalDate newestAdult = settings.referenceDate().minusYears(18);
        return birth.isAfter(newestAdult) ? newestAdult : birth;
    }

    private Optional<Address> moved() {
        return random.nextDouble() < settings.moveRate() ? Optional.of(newAddress()) : Optional.empty();
    }

    private Address newAddress() {
        NameBank.Place place = pick(names.places());
        String unit = random.nextDouble() < 0.6 ? " Apt " + (1 + random.nextInt(20)) + (char) ('A' + random.nextInt(8)) : "";
        return new Address((1 + random.nextInt(2500)) + " " + pick(names.streets()) + unit, place.city(), place.zip(), false);
    }

    private String newPhone() {
        return AREA_CODES[random.nextInt(AREA_CODES.length)] + (200 + random.nextInt(800)) + String.format("%04d", random.nextInt(10000));
    }

    /** A well-formed SSN (area 001–899 except 666, group and serial not zero), unique in the population. */
    private String newSsn() {
        while (true) {
            int area = 1 + random.nextInt(899);
            if (area == 666) {
                continue;
            }
            String ssn = String.format("%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
            if (issuedSsns.add(ssn)) {
                return ssn;
            }
        }
    }

    private String nextId() {
        return "P" + nextPersonId++;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
