package org.civiclink.intake.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civiclink.intake.api.IntakeEventRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityChecksTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    @ParameterizedTest(name = "dob={0} ssn={1} phone={2} postcode={3} -> {4}")
    @CsvSource(nullValues = "NULL", value = {
            "1984-03-12, 412-55-0198, +1 212 555 0143, 10016, ''",
            "2027-01-01, 412-55-0198, +1 212 555 0143, 10016, DOB_IN_FUTURE",
            "1899-12-31, 412-55-0198, +1 212 555 0143, 10016, DOB_BEFORE_1900",
            "12/03/1984, 412-55-0198, +1 212 555 0143, 10016, DOB_UNPARSEABLE",
            "1984-03-12, 000-00-0000, +1 212 555 0143, 10016, SSN_PLACEHOLDER",
            "1984-03-12, 123-45-6789, +1 212 555 0143, 10016, SSN_PLACEHOLDER",
            "1984-03-12, 999-99-9999, +1 212 555 0143, 10016, SSN_PLACEHOLDER",
            "1984-03-12, 111-11-1111, +1 212 555 0143, 10016, SSN_PLACEHOLDER",
            "1984-03-12, 666-12-3456, +1 212 555 0143, 10016, SSN_INVALID_RANGE",
            "1984-03-12, 912-12-3456, +1 212 555 0143, 10016, SSN_INVALID_RANGE",
            "1984-03-12, 412-00-3456, +1 212 555 0143, 10016, SSN_INVALID_RANGE",
            "1984-03-12, 4125501, +1 212 555 0143, 10016, SSN_MALFORMED",
            "1984-03-12, 412-55-0198, (212) 555-0143, 10016, ''",
            "1984-03-12, 412-55-0198, 555-0143, 10016, PHONE_UNPARSEABLE",
            "1984-03-12, 412-55-0198, ask at desk, 10016, PHONE_UNPARSEABLE",
            "1984-03-12, 412-55-0198, +1 212 555 0143, NULL, ADDRESS_WITHOUT_POSTCODE",
    })
    void doubtfulValuesAreFlagged(String dob, String ssn, String phone, String postcode, String expected) {
        IntakeEventRequest event = new IntakeEventRequest("HRA", "e-1", "benefit.applied", Instant.parse("2026-11-30T00:00:00Z"),
                new IntakeEventRequest.Person("H-1", List.of(), dob, null, ssn,
                        List.of(new IntakeEventRequest.Address("1 Main St", null, "New York", "NY", postcode, "US", "HOME", null)),
                        List.of(new IntakeEventRequest.Phone(phone, "MOBILE"))),
                List.of(), List.of());
        List<String> codes = QualityChecks.flags(event, TODAY).stream().map(QualityFlag::code).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), codes);
    }
}
