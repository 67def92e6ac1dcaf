package org.civiclink.recommendation.referral;

import static org.civiclink.recommendation.referral.Referrals.match;
import static org.civiclink.recommendation.referral.Referrals.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.Referral;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.platform.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class ClientUpdatesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReferralProposer proposer;

    @Test
    void mergeMovesOpenReferralsToTheSurvivorAndKeepsTheOlderOfTwoForOneNeed() {
        String team = ReferralLifecycleTest.team();
        String survivor = ReferralLifecycleTest.client();
        String retired = ReferralLifecycleTest.client();
        // Need "aging-services": the survivor's is older. Need "prenatal-care": the retired client's is older.
        proposer.propose(survivor, team, List.of(match("aging-services")), false);
        proposer.propose(retired, team, List.of(match("prenatal-care")), false);
        proposer.propose(retired, team, List.of(match("aging-services"), match("veteran-services")), false);
        proposer.propose(survivor, team, List.of(match("prenatal-care")), false);
        String survivorsAging = only(survivor, "aging-services").referralId;
        String retiredAging = only(retired, "aging-services").referralId;
        String retiredPrenatal = only(retired, "prenatal-care").referralId;
        String survivorsPrenatal = only(survivor, "prenatal-care").referralId;
        String retiredVeteran = only(retired, "veteran-services").referralId;

        TopicWriter.send(Topic.CLIENT_UPDATES, survivor, update(ClientUpdateType.CLIENTS_MERGED, survivor, List.of(retired), List.of()));

        Eventually.assertWithin(WAIT, () -> assertEquals(survivor, byId(retiredVeteran).clientId));
        ReferralRecord closedAging = byId(retiredAging);
        assertEquals("NOT_COMPLETED", closedAging.status);
        assertTrue(closedAging.statusReason.contains(survivorsAging), closedAging.statusReason);
        assertEquals("PROPOSED", byId(survivorsAging).status);

        ReferralRecord keptPrenatal = byId(retiredPrenatal);
        assertEquals(survivor, keptPrenatal.clientId);
        assertEquals("PROPOSED", keptPrenatal.status);
        assertEquals("NOT_COMPLETED", byId(survivorsPrenatal).status);
        assertEquals(1, Referrals.all("prenatal-care", survivor).stream().filter(ReferralRecord::isOpen).count());

        TopicReader.await(Topic.REFERRALS, Referral.class,
                r -> r.getReferralId().equals(retiredVeteran) && r.getClientId().equals(survivor), 1, WAIT);
    }

    @Test
    void splitReEvaluatesBothClients() {
        String original = ReferralLifecycleTest.client();
        String agencyRecordId = "rec-" + UUID.randomUUID();
        String recordId = "DHS-SHELTER:" + agencyRecordId;
        TopicWriter.send(Topic.LINKED_EVENTS, original, shelterEntry(original, recordId, agencyRecordId));
        Eventually.assertWithin(WAIT, () -> only(original, "benefits-screening"));
        // A referral no rule supports for either half: it rested on facts that are not the original client's any more.
        proposer.propose(original, "DHS-SHELTER", List.of(match("zz-split-only")), false);

        String split = ReferralLifecycleTest.client();
        TopicWriter.send(Topic.CLIENT_UPDATES, split, update(ClientUpdateType.CLIENT_SPLIT, split, List.of(original), List.of(recordId)));

        Eventually.assertWithin(WAIT, () -> assertEquals("PROPOSED", only(split, "benefits-screening").status));
        assertEquals("DHS-SHELTER", only(split, "benefits-screening").team);
        ReferralRecord originals = only(original, "benefits-screening");
        assertEquals("NOT_COMPLETED", originals.status);
        assertEquals(SplitReevaluation.REASON, originals.statusReason);
        assertEquals("NOT_COMPLETED", only(original, "zz-split-only").status);
    }

    @Test
    void repeatedLinkedEventsYieldOneReferral() {
        String clientId = ReferralLifecycleTest.client();
        String agencyRecordId = "rec-" + UUID.randomUUID();
        LinkedEvent event = shelterEntry(clientId, "DHS-SHELTER:" + agencyRecordId, agencyRecordId);
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, event);
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, event);
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, event);
        String marker = ReferralLifecycleTest.client();
        // Same key, so same partition: once the marker's referral exists, the repeats have all been handled.
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, shelterEntry(marker, "DHS-SHELTER:m-" + marker, "m-" + marker));

        Eventually.assertWithin(WAIT, () -> only(marker, "benefits-screening"));
        assertEquals(1, Referrals.all("benefits-screening", clientId).size());
    }

    @Test
    void undecodableClientUpdateGoesToDeadLetter() {
        String key = "C-bad-" + UUID.randomUUID();
        TopicWriter.sendBytes(Topic.CLIENT_UPDATES, key, new byte[] {(byte) 0xC3, 0x01, 9, 9});
        assertEquals(4, DeadLetterReader.await(Topic.RECOMMENDATION_DEAD_LETTER, key, WAIT).value().length);
    }

    private static ReferralRecord byId(String referralId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ReferralRecord.findById(referralId));
    }

    static ClientUpdate update(ClientUpdateType type, String clientId, List<String> previous, List<String> records) {
        return ClientUpdate.newBuilder()
                .setUpdateId(UUID.randomUUID().toString())
                .setType(type)
                .setClientId(clientId)
                .setPreviousClientIds(previous)
                .setRecordIds(records)
                .setReason("test")
                .setOccurredAt(Instant.now())
                .build();
    }

    static LinkedEvent shelterEntry(String clientId, String recordId, String agencyRecordId) {
        return LinkedEvent.newBuilder()
                .setClientId(clientId)
                .setRecordId(recordId)
                .setLinkedAt(Instant.now())
                .setEvent(TestEvents.intake("DHS-SHELTER", "e-" + UUID.randomUUID(), "shelter.entry", agencyRecordId,
                        "Ana", "Diaz", "1980-02-02", TestEvents.fact("DHS-SHELTER", "housing", "shelter-entry", "housing")))
                .build();
    }
}
