package org.civiclink.simulator.records;

/**
 * One agency's record of a person, in the canonical file layout, with the ground truth
 * {@code personId}. Empty fields are empty strings, as in the file.
 */
public record SourceRecord(
        String recordId, String agency, String firstName, String middleName, String lastName, String dateOfBirth,
        String sex, String ssn, String street, String city, String zip, String phone, String personId) {
}
