package org.civiclink.linkage.model;

import java.util.List;

/**
 * A record after standardization, with everything the comparisons need precomputed so that scoring a pair
 * does no parsing or phonetic encoding. Absent values are {@code null}, never empty strings.
 *
 * @param firstName      upper-case, accent- and punctuation-free given name(s)
 * @param firstFormalNames the formal names the first given name may stand for, sorted (Pat: PATRICIA, PATRICK;
 *                       a name the nickname table does not know: itself); two records' given names may be one
 *                       person's when these intersect
 * @param firstPhonetic  Double Metaphone of the given name
 * @param middleName     standardized middle name (may be a single initial)
 * @param lastName       standardized family name without generational suffix; compound parts separated by one space
 * @param lastPhonetic   Double Metaphone of each family-name part, space separated, in part order
 * @param dateOfBirth    yyyyMMdd
 * @param dobUnknownDefault the date looks like a placeholder for "only the year is known" (e.g. January 1)
 * @param sex            "M", "F" or "X"
 * @param ssn            nine digits, only when structurally valid and not a known placeholder
 * @param street         normalized street line (suffixes abbreviated, unit removed)
 * @param zip            five digits for US codes, normalized foreign postcode otherwise
 * @param phone          ten digits for US numbers, digits otherwise
 */
public record StandardizedRecord(String recordId, String firstName, List<String> firstFormalNames,
        String firstPhonetic,
        String middleName, String lastName, String lastPhonetic, String dateOfBirth, boolean dobUnknownDefault,
        String sex, String ssn, String street, String city, String zip, String phone) {

    /** The address as one evidence value (street and zip, or street and city when there is no zip). */
    public String address() {
        if (street == null) {
            return null;
        }
        String place = zip != null ? zip : city;
        return place == null ? street : street + "|" + place;
    }

    /** Birth year, or -1 when the date of birth is unknown. */
    public int birthYear() {
        return dateOfBirth == null ? -1 : Integer.parseInt(dateOfBirth, 0, 4, 10);
    }
}
