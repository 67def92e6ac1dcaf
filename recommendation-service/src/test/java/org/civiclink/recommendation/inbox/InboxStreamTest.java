package org.civiclink.recommendation.inbox;

import static org.civiclink.recommendation.referral.Referrals.caseworker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.SseClient;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.platform.testing.TopicWriter;
import org.civiclink.recommendation.referral.ReferralProposer;
import org.civiclink.recommendation.referral.Referrals;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class InboxStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/inbox/stream")
    URI stream;

    @Inject
    ReferralProposer proposer;

    @Test
    void linkedEventReachesTheTeamsStreamAsAReferralThenItsStatusChange() throws Exception {
        String clientId = "C-" + UUID.randomUUID();
        String token = DevTokenIssuer.issue("cw-stream", "DHS-SHELTER", "caseworker");
        try (SseClient sse = SseClient.open(stream, token, "REFERRAL");
             SseClient otherTeam = SseClient.open(stream, DevTokenIssuer.issue("cw-other", "HRA", "caseworker"), "REFERRAL")) {
            assertEquals(200, sse.status());
            TopicWriter.send(Topic.LINKED_EVENTS, clientId, shelterEntry(clientId));

            JsonNode item = JSON.readTree(sse.await(data -> data.contains(clientId), WAIT).data());
            assertEquals("REFERRAL", item.get("kind").asText());
            assertEquals("benefits-screening", item.at("/referral/need").asText());
            assertEquals("DHS-SHELTER", item.at("/referral/facts/0/sourceAgency").asText());
            assertTrue(item.at("/referral/services").size() > 0, "the referral names matching services");
            String referralId = item.at("/referral/referralId").asText();

            caseworker("DHS-SHELTER").contentType("application/json").body("{\"status\":\"SENT\"}")
                    .post("/v1/referrals/" + referralId + "/status").then().statusCode(200);
            JsonNode change = JSON.readTree(sse.await(data -> data.contains(referralId) && data.contains("STATUS_CHANGED"), WAIT).data());
            assertEquals("PROPOSED", change.get("previousStatus").asText());
            assertEquals("SENT", change.get("newStatus").asText());
            assertEquals("cw-DHS-SHELTER", change.get("changedBy").asText());

            AccessEvent pushed = TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class,
                    e -> e.getEndpoint().equals("GET /v1/inbox/stream") && e.getClientIds().contains(clientId), 2, WAIT).get(0).value();
            assertEquals("cw-stream", pushed.getActor().getSubject());
            assertEquals("REFERRAL", pushed.getPurposeOfUse());
            assertEquals("READ", pushed.getAction());

            // A referral for the other team, proposed only now: the feed hands items to every stream in one order,
            // so once the other team's stream shows it, it has been offered everything about this client before.
            String marker = "C-" + UUID.randomUUID();
            proposer.propose(marker, "HRA", List.of(Referrals.match("benefits-screening")), false);
            List<String> otherTeamSaw = new ArrayList<>();
            otherTeam.await(data -> otherTeamSaw.add(data) && data.contains(marker), WAIT);
            assertTrue(otherTeamSaw.stream().noneMatch(data -> data.contains(clientId)), otherTeamSaw.toString());
        }
    }

    @Test
    void openingTheStreamIsRecordedBeforeAnyItemFlows() {
        String subject = "cw-open-" + UUID.randomUUID();
        try (SseClient sse = SseClient.open(stream, DevTokenIssuer.issue(subject, "DHS-SHELTER", "caseworker"), "REFERRAL")) {
            assertEquals(200, sse.status());
            AccessEvent opened = TopicReader.await(Topic.ACCESS_EVENTS, AccessEvent.class,
                    e -> e.getActor().getSubject().equals(subject), 1, WAIT).get(0).value();
            assertEquals("GET /v1/inbox/stream", opened.getEndpoint());
            assertEquals("REFERRAL", opened.getPurposeOfUse());
            assertEquals("PERMITTED", opened.getOutcome().name());
            assertTrue(opened.getClientIds().isEmpty(), "the opening names no client; the items do");
        }
    }

    @Test
    void theStreamNeedsARoleAndAPurpose() {
        try (SseClient noPurpose = SseClient.open(stream, DevTokenIssuer.issue("cw-np", "DHS-SHELTER", "caseworker"), null);
             SseClient agencySystem = SseClient.open(stream, DevTokenIssuer.issue("sys", "DHS-SHELTER", "agency-system"), "REFERRAL")) {
            assertEquals(400, noPurpose.status());
            assertEquals(403, agencySystem.status());
        }
    }

    static LinkedEvent shelterEntry(String clientId) {
        String agencyRecordId = "rec-" + UUID.randomUUID();
        return LinkedEvent.newBuilder()
                .setClientId(clientId)
                .setRecordId("DHS-SHELTER:" + agencyRecordId)
                .setLinkedAt(Instant.now())
                .setEvent(TestEvents.intake("DHS-SHELTER", "e-" + UUID.randomUUID(), "shelter.entry", agencyRecordId,
                        "Ana", "Diaz", "1980-02-02", TestEvents.fact("DHS-SHELTER", "housing", "shelter-entry", "housing")))
                .build();
    }
}
