package org.civiclink.linkage.model.compare;

import java.util.Locale;
import java.util.function.Function;

import org.civiclink.linkage.model.EvidenceValue;
import org.civiclink.linkage.model.StandardizedRecord;

/** The standardized fields a comparison can look at; evidence fields are subject to genericity. */
public enum Field {
    FIRST_NAME(StandardizedRecord::firstName, null),
    MIDDLE_NAME(StandardizedRecord::middleName, null),
    LAST_NAME(StandardizedRecord::lastName, null),
    DATE_OF_BIRTH(StandardizedRecord::dateOfBirth, null),
    SEX(StandardizedRecord::sex, null),
    SSN(StandardizedRecord::ssn, EvidenceValue.SSN),
    ADDRESS(StandardizedRecord::address, EvidenceValue.ADDRESS),
    PHONE(StandardizedRecord::phone, EvidenceValue.PHONE),
    /**
     * Address and phone together, as "address TAB phone" (either part may be empty). Both are shared by a
     * household, so comparing them jointly avoids counting one household fact twice.
     */
    ADDRESS_PHONE(Field::contact, null);

    static final char PART_SEPARATOR = '\t';

    private final Function<StandardizedRecord, String> accessor;
    private final String evidenceField;

    Field(Function<StandardizedRecord, String> accessor, String evidenceField) {
        this.accessor = accessor;
        this.evidenceField = evidenceField;
    }

    /** The joint address/phone value from parts already cleared of generic values; null when both are absent. */
    static String contact(String address, String phone) {
        if (address == null && phone == null) {
            return null;
        }
        return (address == null ? "" : address) + PART_SEPARATOR + (phone == null ? "" : phone);
    }

    private static String contact(StandardizedRecord r) {
        return contact(r.address(), r.phone());
    }

    public String value(StandardizedRecord record) {
        return accessor.apply(record);
    }

    /** "ssn", "phone" or "address" for fields whose values genericity tracks; null otherwise. */
    public String evidenceField() {
        return evidenceField;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Field fromJson(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown comparison field '" + name + "'", e);
        }
    }
}
