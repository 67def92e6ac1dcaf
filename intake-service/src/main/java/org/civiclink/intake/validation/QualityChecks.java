package org.civiclink.intake.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.civiclink.intake.api.IntakeEventRequest;

/**
 * Doubtful values are flagged, never dropped or rewritten: a wrong-looking SSN is still evidence
 * for linkage and for a caseworker who can ask the person. The flag points at the value by its
 * field path and, where possible, carries a normalized form beside it.
 */
public final class QualityChecks {

    /** Numbers printed on sample cards, test data and "unknown" fillers. */
    private static final Set<String> PLACEHOLDER_SSNS = Set.of(
            "000000000", "111111111", "222222222", "333333333", "444444444", "555555555", "666666666",
            "777777777", "888888888", "999999999", "123456789", "987654321", "078051120", "219099999");

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private QualityChecks() {
    }

    public static List<QualityFlag> flags(IntakeEventRequest event, LocalDate today) {
        List<QualityFlag> flags = new ArrayList<>();
        IntakeEventRequest.Person person = event.person();
        if (person == null) {
            return flags;
        }
        dateOfBirth(person.dateOfBirth(), today, flags);
        ssn(person.ssn(), flags);
        List<IntakeEventRequest.Phone> phones = person.phones() == null ? List.of() : person.phones();
        for (int i = 0; i < phones.size(); i++) {
            phone("person.phones[" + i + "].number", phones.get(i) == null ? null : phones.get(i).number(), flags);
        }
        List<IntakeEventRequest.Address> addresses = person.addresses() == null ? List.of() : person.addresses();
        for (int i = 0; i < addresses.size(); i++) {
            IntakeEventRequest.Address address = addresses.get(i);
            if (address != null && (address.postalCode() == null || address.postalCode().isBlank())) {
                flags.add(new QualityFlag("person.addresses[" + i + "].postalCode", "ADDRESS_WITHOUT_POSTCODE", null));
            }
        }
        return flags;
    }

    private static void dateOfBirth(String value, LocalDate today, List<QualityFlag> flags) {
        if (value == null || value.isBlank()) {
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            flags.add(new QualityFlag("person.dateOfBirth", "DOB_UNPARSEABLE", null));
            return;
        }
        if (date.isAfter(today)) {
            flags.add(new QualityFlag("person.dateOfBirth", "DOB_IN_FUTURE", date.toString()));
        } else if (date.isBefore(EARLIEST_BIRTH)) {
            flags.add(new QualityFlag("person.dateOfBirth", "DOB_BEFORE_1900", date.toString()));
        }
    }

    private static void ssn(String value, List<QualityFlag> flags) {
        if (value == null || value.isBlank()) {
            return;
        }
        String digits = value.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{9}")) {
            flags.add(new QualityFlag("person.ssn", "SSN_MALFORMED", null));
            return;
        }
        String normalized = digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
        if (PLACEHOLDER_SSNS.contains(digits)) {
            flags.add(new QualityFlag("person.ssn", "SSN_PLACEHOLDER", normalized));
            return;
        }
        String area = digits.substring(0, 3);
        // The SSA never issues area 000, 666 or 9xx, group 00 or serial 0000.
        if (area.equals("000") || area.equals("666") || area.startsWith("9")
                || digits.substring(3, 5).equals("00") || digits.substring(5).equals("0000")) {
            flags.add(new QualityFlag("person.ssn", "SSN_INVALID_RANGE", normalized));
        }
    }

    /** North American numbers become E.164; a number with a leading + keeps its own country code. */
    static void phone(String field, String value, List<QualityFlag> flags) {
        if (value == null || value.isBlank()) {
            return;
        }
        String trimmed = value.trim();
        if (!trimmed.matches("\\+?[0-9 ()./-]+(\\s*(x|ext\\.?)\\s*\\d{1,6})?")) {
            flags.add(new QualityFlag(field, "PHONE_UNPARSEABLE", null));
            return;
        }
        String digits = trimmed.replaceAll("(x|ext\\.?)\\s*\\d+$", "").replaceAll("\\D", "");
        boolean international = trimmed.startsWith("+");
        if (!international && digits.length() == 10) {
            return;
        }
        if (!international && digits.length() == 11 && digits.startsWith("1")) {
            return;
        }
        if (international && digits.length() >= 8 && digits.length() <= 15) {
            return;
        }
        flags.add(new QualityFlag(field, "PHONE_UNPARSEABLE", null));
    }
}
