package org.civiclink.linkage.model;

/** One agency record in canonical fields; any field may be null or empty. recordId is unique per record. */
public record SourceRecord(String recordId, String agency, String firstName, String middleName, String lastName,
        String dateOfBirth, String sex, String ssn, String street, String city, String zip, String phone) {
}
