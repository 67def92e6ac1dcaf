package org.civiclink.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of keyboard slip the simulator makes is one edit for the realism test. */
class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({"Smith, Smtih, 1", "Smith, Smit, 1", "Smith, Smiith, 1", "Smith, Snith, 1", "Smith, Smith, 0", "Smith, Stihm, 3"})
    void anAdjacentSwapCountsAsOneSlip(String a, String b, int expected) {
        assertEquals(expected, EditDistance.between(a, b));
        assertEquals(expected, EditDistance.between(b, a));
    }
}
