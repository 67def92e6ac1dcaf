package org.civiclink.linkage.query;

import java.util.ArrayList;
import java.util.List;

import org.civiclink.linkage.model.SourceRecord;

/**
 * A client and its member records, each value labelled with the agency it came from: nothing is
 * fused, so a caseworker can see which agency said what.
 */
public record ClientView(String clientId, List<MemberRecord> records) {

    public record MemberRecord(String recordId, String agency, List<SourcedValue> values) {
    }

    /** One value as one agency recorded it. SSNs show only their last four digits. */
    public record SourcedValue(String field, String value, String sourceAgency) {
    }

    static MemberRecord member(SourceRecord record) {
        List<SourcedValue> values = new ArrayList<>();
        add(values, "firstName", record.firstName(), record);
        add(values, "middleName", record.middleName(), record);
        add(values, "lastName", record.lastName(), record);
        add(values, "dateOfBirth", record.dateOfBirth(), record);
        add(values, "sex", record.sex(), record);
        add(values, "ssnLast4", lastFour(record.ssn()), record);
        add(values, "street", record.street(), record);
        add(values, "city", record.city(), record);
        add(values, "zip", record.zip(), record);
        add(values, "phone", record.phone(), record);
        return new MemberRecord(record.recordId(), record.agency(), values);
    }

    private static void add(List<SourcedValue> values, String field, String value, SourceRecord record) {
        if (value != null && !value.isBlank()) {
            values.add(new SourcedValue(field, value, record.agency()));
        }
    }

    private static String lastFour(String ssn) {
        if (ssn == null) {
            return null;
        }
        String digits = ssn.replaceAll("\\D", "");
        return digits.length() < 4 ? null : digits.substring(digits.length() - 4);
    }
}
