package org.civiclink.simulator.population;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A synthetic person as they really are: the ground truth every record of theirs is derived from.
 *
 * @param maidenFamily the family name before marriage, when it differs
 * @param previousAddress where they lived before a move, if they moved
 */
public record Person(
        String personId, String given, String middle, String family, String suffix, char sex, LocalDate dateOfBirth,
        Optional<String> ssn, Address address, Optional<Address> previousAddress, String phone,
        Optional<String> maidenFamily, boolean child) {
}
