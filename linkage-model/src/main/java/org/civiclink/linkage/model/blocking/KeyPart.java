package org.civiclink.linkage.model.blocking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.civiclink.linkage.model.EvidenceValue;
import org.civiclink.linkage.model.StandardizedRecord;

/** The values a blocking key may be built from. */
public enum KeyPart {
    SSN(EvidenceValue.SSN) {
        @Override
        List<String> values(StandardizedRecord r) {
            return one(r.ssn());
        }
    },
    PHONE(EvidenceValue.PHONE) {
        @Override
        List<String> values(StandardizedRecord r) {
            return one(r.phone());
        }
    },
    ADDRESS(EvidenceValue.ADDRESS) {
        @Override
        List<String> values(StandardizedRecord r) {
            return one(r.address());
        }
    },
    DOB(null) {
        @Override
        List<String> values(StandardizedRecord r) {
            return one(r.dateOfBirth());
        }
    },
    BIRTH_YEAR(null) {
        @Override
        List<String> values(StandardizedRecord r) {
            return r.dateOfBirth() == null ? List.of() : List.of(r.dateOfBirth().substring(0, 4));
        }
    },
    FIRST_PHONETIC(null) {
        @Override
        List<String> values(StandardizedRecord r) {
            return one(r.firstPhonetic());
        }
    },
    /** The phonetic code of the first name and of each family-name part: swapped and married names still meet. */
    NAME_PHONETIC(null) {
        @Override
        List<String> values(StandardizedRecord r) {
            List<String> values = new ArrayList<>(3);
            if (r.firstPhonetic() != null) {
                values.add(r.firstPhonetic());
            }
            if (r.lastPhonetic() != null) {
                for (String part : r.lastPhonetic().split(" ")) {
                    if (!values.contains(part)) {
                        values.add(part);
                    }
                }
            }
            return values;
        }
    },
    /** First and full last phonetic codes in sorted order, so a first/last swap gives the same value. */
    NAME_PHONETIC_PAIR(null) {
        @Override
        List<String> values(StandardizedRecord r) {
            String f = r.firstPhonetic();
            String l = r.lastPhonetic() == null ? null : r.lastPhonetic().replace(" ", "");
            if (f == null || l == null) {
                return List.of();
            }
            return List.of(f.compareTo(l) <= 0 ? f + "+" + l : l + "+" + f);
        }
    },
    /** One value per formal name the first name may stand for: Bill and William meet on WILLIAM, Pat meets both Patrick and Patricia. */
    FIRST_CANONICAL(null) {
        @Override
        List<String> values(StandardizedRecord r) {
            return r.firstFormalNames() == null ? List.of() : r.firstFormalNames();
        }
    };

    private final String evidenceField;

    KeyPart(String evidenceField) {
        this.evidenceField = evidenceField;
    }

    /** The comparison fields whose agreement this part selects on (training leaves them out of that rule's EM). */
    java.util.Set<org.civiclink.linkage.model.compare.Field> fields() {
        return switch (this) {
            case SSN -> java.util.Set.of(org.civiclink.linkage.model.compare.Field.SSN);
            case PHONE, ADDRESS -> java.util.Set.of(org.civiclink.linkage.model.compare.Field.PHONE,
                    org.civiclink.linkage.model.compare.Field.ADDRESS, org.civiclink.linkage.model.compare.Field.ADDRESS_PHONE);
            case DOB, BIRTH_YEAR -> java.util.Set.of(org.civiclink.linkage.model.compare.Field.DATE_OF_BIRTH);
            case FIRST_PHONETIC, FIRST_CANONICAL -> java.util.Set.of(org.civiclink.linkage.model.compare.Field.FIRST_NAME);
            case NAME_PHONETIC, NAME_PHONETIC_PAIR -> java.util.Set.of(org.civiclink.linkage.model.compare.Field.FIRST_NAME,
                    org.civiclink.linkage.model.compare.Field.LAST_NAME);
        };
    }

    abstract List<String> values(StandardizedRecord r);

    /** "ssn", "phone" or "address" when the part's value is subject to genericity. */
    String evidenceField() {
        return evidenceField;
    }

    static KeyPart fromJson(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown blocking key part '" + name + "'", e);
        }
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
