package org.civiclink.linkage.model;

/** A value that may turn out to be shared by too many different people: field is "ssn", "phone" or "address". */
public record EvidenceValue(String field, String value) {

    public static final String SSN = "ssn";
    public static final String PHONE = "phone";
    public static final String ADDRESS = "address";
}
