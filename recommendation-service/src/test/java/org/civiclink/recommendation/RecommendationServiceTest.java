package org.civiclink.recommendation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.Referral;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.platform.testing.TopicWriter;
import org.civiclink.recommendation.referral.Referrals;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class RecommendationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AvroCodec<LinkedEvent> LINKED = AvroCodec.of(LinkedEvent.class);
    private static final String CASEWORKER = DevTokenIssuer.issue("cw-rec", "DHS-SHELTER", "caseworker");

    @Test
    void shelterEntryYieldsOneExplainedReferralHoweverOftenItRepeats() {
        String clientId = "C-" + UUID.randomUUID();
        LinkedEvent linked = linked(clientId, "shelter.entry");
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, linked);
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, linked);
        String marker = afterwardsOnTheSamePartition(clientId);

        Eventually.assertWithin(WAIT, () -> Referrals.only(marker, "benefits-screening"));
        assertEquals(1, Referrals.of(clientId).size(), "the repeated event added no second referral");
        Referral referral = TopicReader.await(Topic.REFERRALS, Referral.class,
                r -> r.getClientId().equals(clientId), 1, WAIT).get(0).value();
        assertEquals("benefits-screening", referral.getNeed());
        assertEquals("DHS-SHELTER", referral.getFacts().get(0).getSourceAgency());

        Eventually.assertWithin(WAIT, () -> asCaseworker().when().get("/v1/inbox?size=200")
                .then().statusCode(200)
                .body("items.findAll { it.clientId == '" + clientId + "' }", hasSize(1)));
        asCaseworker().when().get("/v1/referrals/" + referral.getReferralId())
                .then().statusCode(200)
                .body("ruleId", equalTo("shelter-entry-benefits-screening"))
                .body("facts[0].sourceAgency", equalTo("DHS-SHELTER"))
                .body("facts[0].verification", equalTo("SYSTEM_VERIFIED"));

        AccessEvent processing = TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class,
                e -> e.getService().equals("recommendation-service") && e.getAction().equals("PROCESS")
                        && e.getClientIds().contains(clientId), 1, WAIT).get(0).value();
        assertEquals("REFERRAL", processing.getPurposeOfUse());
        AccessEvent read = TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class,
                e -> e.getEndpoint().equals("GET /v1/referrals/" + referral.getReferralId()), 1, WAIT).get(0).value();
        assertEquals(List.of(clientId), read.getClientIds());
    }

    @Test
    void otherEventsYieldNoReferral() {
        String clientId = "C-" + UUID.randomUUID();
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, linked(clientId, "benefit.applied",
                TestEvents.fact("HRA", "benefits", "snap-applied", "benefits")));
        String marker = afterwardsOnTheSamePartition(clientId);

        Eventually.assertWithin(WAIT, () -> Referrals.only(marker, "benefits-screening"));
        TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class,
                e -> e.getService().equals("recommendation-service") && e.getClientIds().contains(clientId), 1, WAIT);
        assertEquals(List.of(), Referrals.of(clientId), "no referral, for any need or team");
    }

    @Test
    void undecodableLinkedEventGoesToDeadLetterAndProcessingGoesOn() {
        String key = "C-bad-" + UUID.randomUUID();
        TopicWriter.sendBytes(Topic.LINKED_EVENTS, key, new byte[] {(byte) 0xC3, 0x01, 1, 2, 3});
        String clientId = "C-" + UUID.randomUUID();
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, linked(clientId, "shelter.entry"));

        var deadLetter = DeadLetterReader.await(Topic.RECOMMENDATION_DEAD_LETTER, key, WAIT);
        assertEquals(5, deadLetter.value().length);
        TopicReader.await(Topic.REFERRALS, Referral.class, r -> r.getClientId().equals(clientId), 1, WAIT);
    }

    /**
     * Three events in one poll, the middle one refused by the database whatever the retries (a fact code longer
     * than its column). The poll's transaction fails, each event is run again alone, and only the refused one is
     * dead-lettered, as it was read and with the reason; the others are kept.
     */
    @Test
    void anEventTheDatabaseRefusesIsDeadLetteredWithItsReasonAndTheRestOfItsPollIsKept() {
        String before = "C-" + UUID.randomUUID();
        String refused = "C-refused-" + UUID.randomUUID();
        String after = "C-" + UUID.randomUUID();
        LinkedEvent bad = linked(refused, "shelter.entry", TestEvents.fact("DHS-SHELTER", "housing", "x".repeat(300), "housing"));
        TopicWriter.sendTogether(Topic.LINKED_EVENTS, 0, List.of(
                Map.entry(before, LINKED.encode(linked(before, "shelter.entry"))),
                Map.entry(refused, LINKED.encode(bad)),
                Map.entry(after, LINKED.encode(linked(after, "shelter.entry")))));

        var deadLetter = DeadLetterReader.await(Topic.RECOMMENDATION_DEAD_LETTER, refused, WAIT);
        assertEquals(bad, LINKED.decode(deadLetter.value()), "the dead letter holds the event as it was read");
        String headers = DeadLetterReader.headersText(deadLetter);
        assertTrue(headers.contains("dead-letter-reason=") && headers.contains("value too long"), headers);
        for (String kept : List.of(before, after)) {
            TopicReader.await(Topic.REFERRALS, Referral.class, r -> r.getClientId().equals(kept), 1, WAIT);
        }
        assertEquals(List.of(), Referrals.of(refused));
    }

    @Test
    void agencySystemsCannotReadTheInboxAndUnknownReferralsAre404() {
        String agency = DevTokenIssuer.issue("hra-system", "HRA", "agency-system");
        given().auth().oauth2(agency).header("Purpose-Of-Use", "REFERRAL")
                .when().get("/v1/inbox").then().statusCode(403).contentType("application/problem+json");
        asCaseworker().when().get("/v1/referrals/R-nope").then().statusCode(404).contentType("application/problem+json");
    }

    /**
     * Sends, under the client's key (so to the same partition, handled after the client's earlier events), a
     * shelter entry of a new client that yields a referral. Once that referral is stored, every earlier event of
     * the client has been handled and committed, so what it did not produce, it never will.
     */
    private static String afterwardsOnTheSamePartition(String clientId) {
        String marker = "C-" + UUID.randomUUID();
        TopicWriter.send(Topic.LINKED_EVENTS, clientId, linked(marker, "shelter.entry"));
        return marker;
    }

    private static RequestSpecification asCaseworker() {
        return given().auth().oauth2(CASEWORKER).header("Purpose-Of-Use", "REFERRAL");
    }

    private static LinkedEvent linked(String clientId, String eventType) {
        return linked(clientId, eventType, TestEvents.fact("DHS-SHELTER", "housing", "shelter-entry", "housing"));
    }

    private static LinkedEvent linked(String clientId, String eventType, org.civiclink.events.Fact fact) {
        return LinkedEvent.newBuilder()
                .setClientId(clientId)
                .setRecordId("DHS-SHELTER:" + clientId)
                .setLinkedAt(Instant.now())
                .setEvent(TestEvents.intake(fact.getSource().getAgencyCode(), "e-" + UUID.randomUUID(), eventType, clientId, "Ana", "Diaz",
                        "1970-02-02", fact))
                .build();
    }
}
