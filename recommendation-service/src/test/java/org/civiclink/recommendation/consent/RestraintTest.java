package org.civiclink.recommendation.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.civiclink.events.ConsentStatus;
import org.civiclink.events.VerificationStatus;
import org.civiclink.recommendation.situation.SituationFact;
import org.junit.jupiter.api.Test;

class RestraintTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final Restraint SHIPPED = new Restraint(RestraintProducer.shipped());
    private static final Restraint NO_POLICY = new Restraint(ConsentPolicy.none());

    private static final SituationFact SHELTER = fact("DHS-SHELTER", "housing", "shelter-entry", "housing");
    private static final SituationFact CLINIC = fact("HHC", "health", "clinic-visit", "health");
    private static final SituationFact SUBSTANCE = fact("HHC", "health", "opioid-treatment", "substance-use");

    @Test
    void withoutConsentOrPolicyNothingIsUsable() {
        Restraint.Decision decision = NO_POLICY.decide(List.of(SHELTER, CLINIC), List.of(), TODAY);
        assertEquals(List.of(), decision.usable());
        assertEquals(2, decision.withheld());
    }

    @Test
    void thePolicyGrantsOnlyWhatItNames() {
        // The shipped policy grants DHS-SHELTER housing data, not HHC health data.
        assertEquals(List.of(SHELTER), SHIPPED.decide(List.of(SHELTER, CLINIC), List.of(), TODAY).usable());
    }

    @Test
    void consentOfTheSourceAgencyMakesItsDataUsable() {
        var given = consent("HHC", ConsentStatus.GIVEN, "2026-11-01T10:00:00Z", "health");
        assertEquals(List.of(CLINIC), NO_POLICY.decide(List.of(CLINIC), List.of(given), TODAY).usable());
        // Consent given to another agency does not cover HHC's data.
        var elsewhere = consent("HRA", ConsentStatus.GIVEN, "2026-11-01T10:00:00Z", "health");
        assertEquals(List.of(), NO_POLICY.decide(List.of(CLINIC), List.of(elsewhere), TODAY).usable());
    }

    @Test
    void expiredConsentNoLongerCounts() {
        var expired = new ConsentRecord("HHC:1", "REFERRAL", Set.of("health"), ConsentStatus.GIVEN,
                Instant.parse("2025-01-01T00:00:00Z"), LocalDate.parse("2026-01-01"), "HHC");
        assertEquals(List.of(), NO_POLICY.decide(List.of(CLINIC), List.of(expired), TODAY).usable());
    }

    @Test
    void revokingWithdrawsTheFactsEvenWhereThePolicyWouldAllowThem() {
        var given = consent("HHC", ConsentStatus.GIVEN, "2026-11-01T10:00:00Z", "health");
        var revoked = consent("HHC", ConsentStatus.REVOKED, "2026-11-20T10:00:00Z", "health");
        assertEquals(List.of(), NO_POLICY.decide(List.of(CLINIC), List.of(given, revoked), TODAY).usable());

        var housingRevoked = consent("DHS-SHELTER", ConsentStatus.REVOKED, "2026-11-20T10:00:00Z", "housing");
        assertEquals(List.of(), SHIPPED.decide(List.of(SHELTER), List.of(housingRevoked), TODAY).usable());
        // Given again later: usable again.
        var againGiven = consent("DHS-SHELTER", ConsentStatus.GIVEN, "2026-11-25T10:00:00Z", "housing");
        assertEquals(List.of(SHELTER), SHIPPED.decide(List.of(SHELTER), List.of(housingRevoked, againGiven), TODAY).usable());
    }

    @Test
    void sensitiveCategoriesNeedExplicitConsentWhateverThePolicySays() {
        ConsentPolicy generous = ConsentPolicy.read(new ByteArrayInputStream("""
                purpose: REFERRAL
                grants:
                  - agency: HHC
                    dataCategories: [health, substance-use, hiv]
                    basis: a policy that overreaches
                """.getBytes(StandardCharsets.UTF_8)), "generous.yaml");
        Restraint restraint = new Restraint(generous);
        assertEquals(List.of(CLINIC), restraint.decide(List.of(CLINIC, SUBSTANCE), List.of(), TODAY).usable());

        // Consent to "health" is not consent to "substance-use".
        var health = consent("HHC", ConsentStatus.GIVEN, "2026-11-01T10:00:00Z", "health");
        assertFalse(restraint.decide(List.of(SUBSTANCE), List.of(health), TODAY).usable().contains(SUBSTANCE));
        var explicit = consent("HHC", ConsentStatus.GIVEN, "2026-11-01T10:00:00Z", "substance-use");
        assertEquals(List.of(SUBSTANCE), restraint.decide(List.of(SUBSTANCE), List.of(explicit), TODAY).usable());
    }

    @Test
    void aSensitiveFactCategoryIsProtectedEvenUnderAnOrdinaryDataCategory() {
        SituationFact mislabelled = fact("DHS-SHELTER", "domestic-violence", "survivor", "housing");
        assertEquals(List.of(), SHIPPED.decide(List.of(mislabelled), List.of(), TODAY).usable());
        var both = new ConsentRecord("DHS-SHELTER:1", "REFERRAL", Set.of("housing", "domestic-violence"), ConsentStatus.GIVEN,
                Instant.parse("2026-11-01T10:00:00Z"), null, "DHS-SHELTER");
        assertEquals(List.of(mislabelled), SHIPPED.decide(List.of(mislabelled), List.of(both), TODAY).usable());
    }

    @Test
    void doNotContactByConsentOrFactAndTheLatestPreferenceWins() {
        assertFalse(SHIPPED.decide(List.of(SHELTER), List.of(), TODAY).doNotContact());

        var noContact = new ConsentRecord("HRA:1", "CONTACT", Set.of(), ConsentStatus.REVOKED,
                Instant.parse("2026-11-10T10:00:00Z"), null, "HRA");
        assertTrue(SHIPPED.decide(List.of(SHELTER), List.of(noContact), TODAY).doNotContact());

        SituationFact allowedLater = new SituationFact("DHS-SHELTER:1", "contact-preference", "contact-allowed", null, "identity",
                "DHS-SHELTER", VerificationStatus.SELF_REPORTED, LocalDate.parse("2026-11-20"), null,
                LocalDate.parse("2026-11-20"), Instant.parse("2026-11-20T12:00:00Z"));
        Restraint.Decision decision = SHIPPED.decide(List.of(SHELTER, allowedLater), List.of(noContact), TODAY);
        assertFalse(decision.doNotContact());
        // The preference itself is never evidence for a rule.
        assertEquals(List.of(SHELTER), decision.usable());

        SituationFact refusedAgain = new SituationFact("DHS-SHELTER:1", "contact-preference", "do-not-contact", null, "identity",
                "DHS-SHELTER", VerificationStatus.SELF_REPORTED, LocalDate.parse("2026-11-28"), null,
                LocalDate.parse("2026-11-28"), Instant.parse("2026-11-28T12:00:00Z"));
        assertTrue(SHIPPED.decide(List.of(SHELTER, allowedLater, refusedAgain), List.of(noContact), TODAY).doNotContact());
    }

    private static SituationFact fact(String agency, String category, String code, String dataCategory) {
        return new SituationFact(agency + ":1", category, code, null, dataCategory, agency, VerificationStatus.SYSTEM_VERIFIED,
                LocalDate.parse("2026-11-30"), null, LocalDate.parse("2026-11-30"), Instant.parse("2026-11-30T20:15:00Z"));
    }

    private static ConsentRecord consent(String agency, ConsentStatus status, String at, String... categories) {
        return new ConsentRecord(agency + ":1", "REFERRAL", Set.of(categories), status, Instant.parse(at), null, agency);
    }
}
