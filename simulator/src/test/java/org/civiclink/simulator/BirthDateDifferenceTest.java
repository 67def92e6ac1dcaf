package org.civiclink.simulator;

import static org.civiclink.simulator.BirthDateDifference.DAY_MONTH_SWAP;
import static org.civiclink.simulator.BirthDateDifference.JANUARY_FIRST_DEFAULT;
import static org.civiclink.simulator.BirthDateDifference.ONE_DIGIT;
import static org.civiclink.simulator.BirthDateDifference.OTHER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The realism test's classifier tells the kinds of birth date error apart, in either order. */
class BirthDateDifferenceTest {

    @ParameterizedTest
    @CsvSource({
            "1990-03-07, 1990-07-03, DAY_MONTH_SWAP",
            "1990-03-07, 1990-01-01, JANUARY_FIRST_DEFAULT",
            "1990-01-07, 1990-01-01, ONE_DIGIT",    // a January date against January 1 is a wrong day digit, not a lost date
            "1990-03-07, 1990-03-09, ONE_DIGIT",
            "1990-03-07, 1980-03-07, ONE_DIGIT",
            "1990-03-17, 1990-03-28, OTHER",        // two digits of the day
            "1990-03-07, 1991-07-03, OTHER",        // a swap and a wrong year
            "1990-03-07, 1990-04-07, OTHER",        // the month is never mistyped alone
    })
    void classifiesEitherWayRound(LocalDate a, LocalDate b, BirthDateDifference expected) {
        assertEquals(expected, BirthDateDifference.of(a, b));
        assertEquals(expected, BirthDateDifference.of(b, a));
    }
}
