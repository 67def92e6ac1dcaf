package org.civiclink.linkage.model.standardize;

import java.util.List;

import org.civiclink.linkage.model.SourceRecord;
import org.civiclink.linkage.model.StandardizedRecord;

/** Turns a source record into its standardized form, computing phonetic codes once here rather than per pair. */
public final class Standardizer {

    private final Nicknames nicknames;

    public Standardizer(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    public StandardizedRecord standardize(SourceRecord r) {
        String first = Names.name(r.firstName());
        String last = Names.name(r.lastName());
        String middle = Names.name(r.middleName());
        String dob = Dates.dateOfBirth(r.dateOfBirth());
        return new StandardizedRecord(r.recordId(), first, formalNames(first), Names.phonetic(first), middle, last,
                Names.phoneticParts(last), dob, Dates.unknownDefault(dob), sex(r.sex()), Ssns.ssn(r.ssn()),
                Addresses.street(r.street()), Addresses.city(r.city()), Addresses.zip(r.zip()), Phones.phone(r.phone()));
    }

    /** The formal names the first part of a standardized given name may stand for (Mary Ann -> MARY's). */
    public List<String> formalNames(String first) {
        return nicknames.formalNames(Names.firstPart(first));
    }

    public Nicknames nicknames() {
        return nicknames;
    }

    static String sex(String raw) {
        String folded = Text.fold(raw);
        if (folded == null) {
            return null;
        }
        return switch (folded) {
            case "M", "MALE", "MAN", "H", "HOMBRE" -> "M";
            case "F", "FEMALE", "WOMAN", "W", "MUJER" -> "F";
            case "X", "NONBINARY", "NON BINARY" -> "X";
            default -> null;
        };
    }
}
