package org.civiclink.linkage.model;

import java.util.Optional;

import org.civiclink.linkage.model.compare.StringSimilarity;
import org.civiclink.linkage.model.standardize.Names;
import org.civiclink.linkage.model.standardize.Nicknames;

/** Hard conflicts: facts that two records cannot both be true of one person, whatever the weight says. */
final class Conflicts {

    private final int maxBirthYearGap;
    private final int maxSsnTypoDistance;

    private final boolean twinGuard;
    private final Nicknames nicknames;

    Conflicts(int maxBirthYearGap, int maxSsnTypoDistance, boolean twinGuard, Nicknames nicknames) {
        this.maxBirthYearGap = maxBirthYearGap;
        this.maxSsnTypoDistance = maxSsnTypoDistance;
        this.twinGuard = twinGuard;
        this.nicknames = nicknames;
    }

    Optional<String> conflict(StandardizedRecord a, StandardizedRecord b, GenericValues generic) {
        String sa = a.ssn();
        String sb = b.ssn();
        if (sa != null && sb != null && !sa.equals(sb)
                && !generic.isGeneric(new EvidenceValue(EvidenceValue.SSN, sa))
                && !generic.isGeneric(new EvidenceValue(EvidenceValue.SSN, sb))
                && !StringSimilarity.damerauWithin(sa, sb, maxSsnTypoDistance)) {
            return Optional.of("different SSNs");
        }
        if (a.dateOfBirth() != null && b.dateOfBirth() != null && !a.dobUnknownDefault() && !b.dobUnknownDefault()) {
            int gap = Math.abs(a.birthYear() - b.birthYear());
            if (gap > maxBirthYearGap) {
                return Optional.of("dates of birth " + gap + " years apart");
            }
        }
        if (twinGuard && a.dateOfBirth() != null && a.dateOfBirth().equals(b.dateOfBirth()) && !a.dobUnknownDefault()
                && unrelatedFirstNames(a, b)) {
            return Optional.of("same date of birth but unrelated first names (possible twins)");
        }
        return Optional.empty();
    }

    /**
     * First names that tell two people apart: two different formal names the nickname table knows (Patrick and
     * Patricia, Daniel and Daniela: similar spellings, different names), or names that no level relates (not
     * equal, no shared part, not nicknames, not phonetically equal, not similar). Never when a first/last swap
     * explains them. Twins share a household, surname and birth date, which a model assuming independent fields
     * over-counts; their first names are what tells them apart.
     */
    boolean unrelatedFirstNames(StandardizedRecord a, StandardizedRecord b) {
        String fa = a.firstName();
        String fb = b.firstName();
        if (fa == null || fb == null || fa.equals(fb) || StringSimilarity.sharesPart(fa, fb)) {
            return false;
        }
        if (Nicknames.mayBeSameName(a.firstFormalNames(), b.firstFormalNames())) {
            return false;
        }
        if (b.lastName() != null && a.lastName() != null && StringSimilarity.sharesPart(b.lastName(), fa)
                && StringSimilarity.sharesPart(a.lastName(), fb)) {
            return false;
        }
        if (nicknames.isFormal(Names.firstPart(fa)) && nicknames.isFormal(Names.firstPart(fb))) {
            return true;
        }
        if (a.firstPhonetic().equals(b.firstPhonetic())) {
            return false;
        }
        return StringSimilarity.jaroWinkler(fa, fb) < 0.8;
    }
}
