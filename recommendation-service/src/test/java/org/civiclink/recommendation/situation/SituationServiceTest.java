package org.civiclink.recommendation.situation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.civiclink.events.ConsentDeclaration;
import org.civiclink.events.ConsentStatus;
import org.civiclink.events.Fact;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.Provenance;
import org.civiclink.events.Referral;
import org.civiclink.events.SupportingFact;
import org.civiclink.events.VerificationStatus;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.platform.testing.TopicWriter;
import org.civiclink.recommendation.rules.RuleEngine;
import org.civiclink.recommendation.rules.RuleMatch;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The client situation kept in the real PostgreSQL, read back through consent. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class SituationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TODAY = LocalDate.now().toString();

    @Inject
    SituationService situations;

    @Inject
    RuleEngine rules;

    @Test
    void factsFromSeveralAgenciesFormOneSituationEachWithItsSource() {
        String client = client();
        situations.record(linked(client, "DHS-SHELTER", "shelter.entry", "1979-06-21",
                fact("DHS-SHELTER", "housing", "shelter-entry", "housing", TODAY, VerificationStatus.SYSTEM_VERIFIED)));
        ClientSituation situation = situations.record(linked(client, "ACS", "case.opened", "1979-06-21",
                fact("ACS", "child-welfare", "family-assessment-opened", "child-welfare", "2026-11-18", VerificationStatus.SYSTEM_VERIFIED)));

        assertEquals(LocalDate.parse(TODAY), situation.shelterSince().orElseThrow());
        assertTrue(situation.openChildWelfareCase());
        assertTrue(situation.age().orElseThrow() >= 47);
        SituationFact acs = situation.facts().stream().filter(f -> f.category().equals("child-welfare")).findFirst().orElseThrow();
        assertEquals("ACS", acs.sourceAgency());
        assertEquals(VerificationStatus.SYSTEM_VERIFIED, acs.verification());
        assertEquals("ACS:" + client, acs.recordId());
        List<String> needs = rules.evaluate(situation).stream().map(m -> m.rule().need()).toList();
        assertTrue(needs.contains("family-homelessness-prevention"), needs.toString());
    }

    @Test
    void aRepeatedEventAddsNothing() {
        String client = client();
        LinkedEvent entry = linked(client, "DHS-SHELTER", "shelter.entry", null,
                fact("DHS-SHELTER", "housing", "shelter-entry", "housing", TODAY, VerificationStatus.SYSTEM_VERIFIED));
        int once = situations.record(entry).facts().size();
        assertEquals(once, situations.record(entry).facts().size());
        assertEquals(1, once);
    }

    @Test
    void aShelterEntryAnnouncedOnlyByItsEventTypeStillCounts() {
        String client = client();
        ClientSituation situation = situations.record(linked(client, "DHS-SHELTER", "shelter.entry", null));
        assertTrue(situation.shelterSince().isPresent());
        assertEquals(VerificationStatus.UNKNOWN, situation.facts().get(0).verification());
    }

    @Test
    void healthDataWithoutConsentStaysOutAndRevokingWithdrawsIt() {
        String client = client();
        Fact pregnancy = fact("HHC", "health", "pregnancy", "health", LocalDate.now().minusDays(60).toString(), VerificationStatus.SYSTEM_VERIFIED);
        situations.record(linked(client, "DHS-SHELTER", "shelter.entry", null,
                fact("DHS-SHELTER", "housing", "shelter-entry", "housing", TODAY, VerificationStatus.SYSTEM_VERIFIED)));
        ClientSituation withoutConsent = situations.record(linked(client, "HHC", "health.encounter", null, pregnancy));
        assertEquals(1, withoutConsent.withheldFacts());
        assertFalse(needs(withoutConsent).contains("prenatal-care"));

        ClientSituation consented = situations.record(withConsent(linked(client, "HHC", "consent.given", null),
                consent("HHC", "REFERRAL", ConsentStatus.GIVEN, "2026-11-01T10:00:00Z", "health")));
        assertTrue(needs(consented).contains("prenatal-care"), needs(consented).toString());

        ClientSituation revoked = situations.record(withConsent(linked(client, "HHC", "consent.revoked", null),
                consent("HHC", "REFERRAL", ConsentStatus.REVOKED, "2026-11-02T10:00:00Z", "health")));
        assertTrue(revoked.facts().stream().noneMatch(f -> f.category().equals("health")));
        assertFalse(needs(revoked).contains("prenatal-care"));
    }

    @Test
    void sensitiveFactsNeedConsentNamingTheirCategory() {
        String client = client();
        Fact dv = fact("DHS-SHELTER", "housing", "fleeing-violence", "domestic-violence", "2026-11-30", VerificationStatus.SELF_REPORTED);
        ClientSituation plain = situations.record(withConsent(linked(client, "DHS-SHELTER", "shelter.entry", null, dv),
                consent("DHS-SHELTER", "REFERRAL", ConsentStatus.GIVEN, "2026-11-30T10:00:00Z", "housing")));
        assertTrue(plain.facts().stream().noneMatch(f -> f.code().equals("fleeing-violence")));
        assertFalse(needs(plain).contains("domestic-violence-services"));

        ClientSituation explicit = situations.record(withConsent(linked(client, "DHS-SHELTER", "consent.given", null),
                consent("DHS-SHELTER", "REFERRAL", ConsentStatus.GIVEN, "2026-11-30T11:00:00Z", "domestic-violence")));
        assertTrue(explicit.facts().stream().anyMatch(f -> f.code().equals("fleeing-violence")));
        assertTrue(needs(explicit).contains("domestic-violence-services"), needs(explicit).toString());
    }

    @Test
    void aContactDeclarationRevokedMeansDoNotContact() {
        String client = client();
        assertFalse(situations.record(linked(client, "DHS-SHELTER", "shelter.entry", null)).doNotContact());
        ClientSituation refused = situations.record(withConsent(linked(client, "HRA", "consent.revoked", null),
                consent("HRA", "CONTACT", ConsentStatus.REVOKED, "2026-12-01T09:00:00Z")));
        assertTrue(refused.doNotContact());
    }

    @Test
    void mergeMovesTheRetiredClientsFactsAndSplitMovesTheNamedRecordsBack() {
        String survivor = client();
        String retired = client();
        situations.record(linked(survivor, "DHS-SHELTER", "shelter.entry", null,
                fact("DHS-SHELTER", "housing", "shelter-entry", "housing", TODAY, VerificationStatus.SYSTEM_VERIFIED)));
        LinkedEvent acsEvent = linked(retired, "ACS", "case.opened", null,
                fact("ACS", "child-welfare", "family-assessment-opened", "child-welfare", "2026-11-18", VerificationStatus.SYSTEM_VERIFIED));
        situations.record(acsEvent);
        assertFalse(situations.current(survivor).openChildWelfareCase());

        situations.merge(survivor, List.of(retired));
        assertTrue(situations.current(survivor).openChildWelfareCase());
        assertEquals(0, situations.current(retired).facts().size());

        String splitOff = client();
        situations.split(splitOff, List.of(acsEvent.getRecordId()), survivor);
        assertFalse(situations.current(survivor).openChildWelfareCase());
        assertTrue(situations.current(splitOff).openChildWelfareCase());
    }

    @Test
    void aWithdrawnRecordTakesItsFactsAlong() {
        String client = client();
        situations.record(linked(client, "HRA", "benefit.denied", null,
                fact("HRA", "benefits", "snap-denied", "benefits", "2026-11-20", VerificationStatus.SYSTEM_VERIFIED)));
        ClientSituation after = situations.record(linked(client, "HRA", "record.withdrawn", null,
                fact("HRA", "record", "withdrawn", "identity", "2026-11-21", VerificationStatus.SYSTEM_VERIFIED)));
        assertEquals(List.of(), after.facts());
    }

    @Test
    void aFamilyEnteringShelterWithAnOpenCaseGetsAPreventionReferralWithBothAgenciesFacts() {
        String client = client();
        TopicWriter.send(Topic.LINKED_EVENTS, client, linked(client, "ACS", "case.opened", null,
                fact("ACS", "child-welfare", "family-assessment-opened", "child-welfare", "2026-11-18", VerificationStatus.SYSTEM_VERIFIED)));
        TopicWriter.send(Topic.LINKED_EVENTS, client, linked(client, "DHS-SHELTER", "shelter.entry", null,
                fact("DHS-SHELTER", "housing", "shelter-entry", "housing", LocalDate.now().toString(), VerificationStatus.SYSTEM_VERIFIED)));

        Referral referral = TopicReader.await(Topic.REFERRALS, Referral.class,
                r -> r.getClientId().equals(client) && r.getNeed().equals("family-homelessness-prevention"), 1, WAIT).get(0).value();
        assertEquals("family-shelter-child-welfare", referral.getRuleId());
        assertEquals(List.of("ACS", "DHS-SHELTER"), referral.getFacts().stream().map(SupportingFact::getSourceAgency).sorted().toList());
        assertEquals("DHS-SHELTER", referral.getTeam());
    }

    private List<String> needs(ClientSituation situation) {
        return rules.evaluate(situation).stream().map(RuleMatch::rule).map(r -> r.need()).toList();
    }

    private static String client() {
        return "C-" + UUID.randomUUID();
    }

    private static Fact fact(String agency, String category, String code, String dataCategory, String from, VerificationStatus verification) {
        return Fact.newBuilder().setCategory(category).setCode(code).setDataCategory(dataCategory)
                .setEffectiveFrom(LocalDate.parse(from))
                .setSource(Provenance.newBuilder().setAgencyCode(agency).setVerification(verification).build())
                .build();
    }

    private static ConsentDeclaration consent(String agency, String purpose, ConsentStatus status, String at, String... categories) {
        return ConsentDeclaration.newBuilder().setPurpose(purpose).setDataCategories(List.of(categories)).setStatus(status)
                .setDeclaredAt(Instant.parse(at))
                .setSource(Provenance.newBuilder().setAgencyCode(agency).setVerification(VerificationStatus.SELF_REPORTED).build())
                .build();
    }

    private static LinkedEvent withConsent(LinkedEvent linked, ConsentDeclaration consent) {
        List<ConsentDeclaration> consents = new ArrayList<>(linked.getEvent().getConsents());
        consents.add(consent);
        linked.getEvent().setConsents(consents);
        return linked;
    }

    private static LinkedEvent linked(String clientId, String agency, String eventType, String dateOfBirth, Fact... facts) {
        IntakeEvent event = TestEvents.intake(agency, "e-" + UUID.randomUUID(), eventType, clientId, "Ana", "Diaz", dateOfBirth, facts);
        event.setOccurredAt(Instant.now());
        return LinkedEvent.newBuilder()
                .setClientId(clientId)
                .setRecordId(agency + ":" + clientId)
                .setLinkedAt(Instant.now())
                .setEvent(event)
                .build();
    }
}
