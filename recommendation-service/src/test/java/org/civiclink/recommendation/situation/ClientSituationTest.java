package org.civiclink.recommendation.situation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.civiclink.events.VerificationStatus;
import org.junit.jupiter.api.Test;

/** What the situation derives from facts: episodes, benefit statuses, age, household. */
class ClientSituationTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    @Test
    void aShelterStayOpensAtEntryAndClosesAtExitAndARepeatedEntryKeepsTheFirstDate() {
        var entry = fact("DHS-SHELTER", "housing", "shelter-entry", null, "2026-10-01", null);
        var repeated = fact("DHS-SHELTER", "housing", "shelter-entry", null, "2026-10-20", null);
        assertEquals(Optional.of(LocalDate.parse("2026-10-01")), situation(entry, repeated).shelterSince());
        var exit = fact("DHS-SHELTER", "housing", "shelter-exit", null, "2026-11-15", null);
        assertEquals(Optional.empty(), situation(entry, exit).shelterSince());
        var back = fact("DHS-SHELTER", "housing", "shelter-entry", null, "2026-11-28", null);
        assertEquals(Optional.of(LocalDate.parse("2026-11-28")), situation(entry, exit, back).shelterSince());
    }

    @Test
    void childWelfareCasesOpenAndCloseByTheirOwnStem() {
        var assessment = fact("ACS", "child-welfare", "family-assessment-opened", null, "2026-09-01", null);
        var fosterClosed = fact("ACS", "child-welfare", "foster-care-closed", null, "2026-10-01", null);
        assertTrue(situation(assessment, fosterClosed).openChildWelfareCase());
        var assessmentClosed = fact("ACS", "child-welfare", "family-assessment-closed", null, "2026-11-01", null);
        assertFalse(situation(assessment, fosterClosed, assessmentClosed).openChildWelfareCase());
        // A health "case" is not a child-welfare case.
        assertFalse(situation(fact("HHC", "health", "social-work-consult", null, "2026-11-25", null)).openChildWelfareCase());
    }

    @Test
    void eachProgramKeepsItsLatestStatusWithTheReason() {
        var applied = fact("HRA", "benefits", "snap-application", null, "2026-10-02", null);
        var denied = fact("HRA", "benefits", "snap-denied", "Missing documents", "2026-10-20", null);
        var cash = fact("HRA", "benefits", "cash-assistance-applied", null, "2026-11-02", null);
        List<BenefitStatus> benefits = situation(applied, denied, cash).benefits();
        assertEquals(List.of("snap:denied:Missing documents", "cash-assistance:applied:"),
                benefits.stream().map(b -> b.program() + ":" + b.status() + ":" + b.reason()).toList());
    }

    @Test
    void ageCountsWholeYearsFromTheLatestReportedDateOfBirth() {
        var old = new SituationFact("HRA:1", "person", "date-of-birth", "1960-12-02", "identity", "HRA", VerificationStatus.UNKNOWN,
                null, null, TODAY, Instant.parse("2026-01-01T00:00:00Z"));
        var corrected = new SituationFact("HRA:1", "person", "date-of-birth", "1960-12-01", "identity", "HRA", VerificationStatus.UNKNOWN,
                null, null, TODAY, Instant.parse("2026-06-01T00:00:00Z"));
        assertEquals(Optional.of(65), situation(old).age());
        assertEquals(Optional.of(66), situation(old, corrected).age());
        assertEquals(Optional.empty(), situation().age());
    }

    @Test
    void householdLinksAndSize() {
        var child = fact("DHS-SHELTER", "household", "member-child", "ACS:ACS-P-1", "2026-11-30", null);
        var size = fact("HRA", "household", "household-size", "3", "2026-11-02", null);
        ClientSituation s = situation(child, size);
        assertEquals(List.of(new HouseholdLink("child", "ACS:ACS-P-1", "DHS-SHELTER")), s.household());
        assertEquals(Optional.of(3), s.householdSize());
    }

    private static ClientSituation situation(SituationFact... facts) {
        return new ClientSituation("C-1", TODAY, List.of(facts), false, 0);
    }

    private static SituationFact fact(String agency, String category, String code, String value, String from, String to) {
        return new SituationFact(agency + ":1", category, code, value, category, agency, VerificationStatus.SYSTEM_VERIFIED,
                LocalDate.parse(from), to == null ? null : LocalDate.parse(to), LocalDate.parse(from),
                Instant.parse(from + "T12:00:00Z"));
    }
}
