package org.civiclink.recommendation.referral;

import static org.civiclink.recommendation.referral.Referrals.caseworker;
import static org.civiclink.recommendation.referral.Referrals.match;
import static org.civiclink.recommendation.referral.Referrals.only;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.civiclink.events.Referral;
import org.civiclink.events.ReferralStatus;
import org.civiclink.events.ReferralStatusChanged;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.recommendation.processing.EventTransaction;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class ReferralLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ReferralProposer proposer;

    @Inject
    ReferralExpiry expiry;

    @Inject
    EventTransaction transaction;

    @Inject
    EntityManager entityManager;

    @Test
    void repeatedProposalsKeepOneOpenReferralPerNeedAndPublishIt() {
        String team = team();
        String clientId = client();
        proposer.propose(clientId, team, List.of(match("benefits-screening")), false);
        proposer.propose(clientId, team, List.of(match("benefits-screening"), match("benefits-screening")), false);

        ReferralRecord stored = only(clientId, "benefits-screening");
        assertEquals("PROPOSED", stored.status);
        assertEquals(team, stored.team);
        Referral published = TopicReader.await(Topic.REFERRALS, Referral.class,
                r -> r.getReferralId().equals(stored.referralId), 1, WAIT).get(0).value();
        assertEquals(team, published.getTeam());
        assertEquals("DHS-SHELTER", published.getFacts().get(0).getSourceAgency());
    }

    @Test
    void fullLifecycleIsStoredAndEachChangeIsAnEvent() {
        String team = team();
        String clientId = client();
        proposer.propose(clientId, team, List.of(match("aging-services")), false);
        String id = only(clientId, "aging-services").referralId;

        for (String status : List.of("SENT", "ACCEPTED", "COMPLETED")) {
            caseworker(team).contentType("application/json").body("{\"status\":\"" + status + "\"}")
                    .when().post("/v1/referrals/" + id + "/status")
                    .then().statusCode(200).body("status", equalTo(status));
        }
        List<ReferralStatusChanged> changes = TopicReader.await(Topic.REFERRAL_STATUS, ReferralStatusChanged.class,
                c -> c.getReferralId().equals(id), 3, WAIT).stream().map(r -> r.value()).toList();
        assertEquals(List.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED),
                changes.stream().map(ReferralStatusChanged::getNewStatus).toList());
        assertEquals(ReferralStatus.PROPOSED, changes.get(0).getPreviousStatus());
        assertEquals("cw-" + team, changes.get(2).getChangedBy());
        assertEquals("COMPLETED", only(clientId, "aging-services").status);
    }

    @Test
    void declineAndNotCompletedNeedAReasonWhichIsKept() {
        String team = team();
        String clientId = client();
        proposer.propose(clientId, team, List.of(match("prenatal-care"), match("veteran-services")), false);
        String declined = only(clientId, "prenatal-care").referralId;

        caseworker(team).contentType("application/json").body("{\"status\":\"DECLINED\"}")
                .when().post("/v1/referrals/" + declined + "/status")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalid-params[0].name", equalTo("reason"));
        caseworker(team).contentType("application/json").body("{\"status\":\"DECLINED\",\"reason\":\"  \"}")
                .when().post("/v1/referrals/" + declined + "/status")
                .then().statusCode(400).body("invalid-params[0].name", equalTo("reason"));
        caseworker(team).contentType("application/json").body("{\"status\":\"DECLINED\",\"reason\":\"Already has a caseworker there\"}")
                .when().post("/v1/referrals/" + declined + "/status")
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("statusReason", equalTo("Already has a caseworker there"));

        String notCompleted = only(clientId, "veteran-services").referralId;
        for (String status : List.of("SENT", "ACCEPTED")) {
            caseworker(team).contentType("application/json").body("{\"status\":\"" + status + "\"}")
                    .post("/v1/referrals/" + notCompleted + "/status").then().statusCode(200);
        }
        caseworker(team).contentType("application/json").body("{\"status\":\"NOT_COMPLETED\"}")
                .when().post("/v1/referrals/" + notCompleted + "/status")
                .then().statusCode(400).body("invalid-params[0].name", equalTo("reason"));
        caseworker(team).contentType("application/json").body("{\"status\":\"not-completed\",\"reason\":\"Moved out of the city\"}")
                .when().post("/v1/referrals/" + notCompleted + "/status")
                .then().statusCode(200).body("status", equalTo("NOT_COMPLETED"));
        ReferralStatusChanged change = TopicReader.await(Topic.REFERRAL_STATUS, ReferralStatusChanged.class,
                c -> c.getReferralId().equals(notCompleted) && c.getNewStatus() == ReferralStatus.NOT_COMPLETED, 1, WAIT).get(0).value();
        assertEquals("Moved out of the city", change.getReason());
    }

    @Test
    void illegalTransitionsAre409NamingTheCurrentStatusAndBadStatusesAre400() {
        String team = team();
        String clientId = client();
        proposer.propose(clientId, team, List.of(match("care-coordination")), false);
        String id = only(clientId, "care-coordination").referralId;

        caseworker(team).contentType("application/json").body("{\"status\":\"COMPLETED\"}")
                .when().post("/v1/referrals/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("PROPOSED"));
        caseworker(team).contentType("application/json").body("{\"status\":\"EXPIRED\"}")
                .when().post("/v1/referrals/" + id + "/status")
                .then().statusCode(400).body("invalid-params[0].name", equalTo("status"));
        caseworker(team).contentType("application/json").body("{\"status\":\"MAYBE\"}")
                .when().post("/v1/referrals/" + id + "/status")
                .then().statusCode(400).body("invalid-params[0].name", equalTo("status"));
        caseworker(team).contentType("application/json").body("{\"reason\":\"x\"}")
                .when().post("/v1/referrals/" + id + "/status")
                .then().statusCode(400).body("invalid-params[0].name", equalTo("status"));
        caseworker(team()).contentType("application/json").body("{\"status\":\"SENT\"}")
                .when().post("/v1/referrals/" + id + "/status")
                .then().statusCode(404);
        caseworker(team()).when().get("/v1/referrals/" + id).then().statusCode(404);

        caseworker(team).contentType("application/json").body("{\"status\":\"DECLINED\",\"reason\":\"Not wanted\"}")
                .post("/v1/referrals/" + id + "/status").then().statusCode(200);
        caseworker(team).contentType("application/json").body("{\"status\":\"SENT\"}")
                .when().post("/v1/referrals/" + id + "/status")
                .then().statusCode(409).body("detail", containsString("DECLINED"));
        assertEquals("DECLINED", only(clientId, "care-coordination").status);
    }

    @Test
    void overdueReferralsExpireAndAnsweredOnesDoNot() {
        String team = team();
        String clientId = client();
        proposer.propose(clientId, team, List.of(match("document-assistance", Duration.ofMillis(1)),
                match("education-liaison", Duration.ofMillis(1)), match("benefits-screening", Duration.ofDays(7))), false);
        String accepted = only(clientId, "education-liaison").referralId;
        for (String status : List.of("SENT", "ACCEPTED")) {
            caseworker(team).contentType("application/json").body("{\"status\":\"" + status + "\"}")
                    .post("/v1/referrals/" + accepted + "/status").then().statusCode(200);
        }

        expiry.expireOverdue();
        String expired = only(clientId, "document-assistance").referralId;
        assertEquals("EXPIRED", only(clientId, "document-assistance").status);
        assertEquals("ACCEPTED", only(clientId, "education-liaison").status);
        assertEquals("PROPOSED", only(clientId, "benefits-screening").status);
        ReferralStatusChanged change = TopicReader.await(Topic.REFERRAL_STATUS, ReferralStatusChanged.class,
                c -> c.getReferralId().equals(expired), 1, WAIT).get(0).value();
        assertEquals(ReferralStatus.EXPIRED, change.getNewStatus());
        assertEquals("recommendation-service", change.getChangedBy());

        // A closed need may be proposed again.
        proposer.propose(clientId, team, List.of(match("document-assistance")), false);
        assertEquals(2, Referrals.all("document-assistance", clientId).size());
    }

    @Test
    void doNotContactProposesNothingAndClosesUnansweredReferrals() {
        String team = team();
        String clientId = client();
        proposer.propose(clientId, team, List.of(match("aging-services"), match("prenatal-care")), false);
        String accepted = only(clientId, "prenatal-care").referralId;
        for (String status : List.of("SENT", "ACCEPTED")) {
            caseworker(team).contentType("application/json").body("{\"status\":\"" + status + "\"}")
                    .post("/v1/referrals/" + accepted + "/status").then().statusCode(200);
        }

        proposer.propose(clientId, team, List.of(match("aging-services"), match("veteran-services")), true);

        ReferralRecord closed = only(clientId, "aging-services");
        assertEquals("NOT_COMPLETED", closed.status);
        assertTrue(closed.statusReason.startsWith("do-not-contact"));
        assertEquals("ACCEPTED", only(clientId, "prenatal-care").status);
        assertTrue(Referrals.all("veteran-services", clientId).isEmpty());
    }

    @Test
    void inboxShowsOnlyTheTeamsReferralsWithFiltersAndMatchingServices() {
        String team = team();
        String clientId = client();
        proposer.propose(clientId, team, List.of(match("benefits-screening"), match("aging-services")), false);
        proposer.propose(client(), team(), List.of(match("benefits-screening")), false);

        caseworker(team).when().get("/v1/inbox")
                .then().statusCode(200).body("total", equalTo(2)).body("items.team", everyItem(equalTo(team)))
                .body("items[0].services.name", hasItem("Walk-in Benefits Screening"))
                .body("items[0].services.name", not(hasItem("Family Stability Pilot (closed)")));
        caseworker(team).when().get("/v1/inbox?need=aging-services&status=proposed&urgency=SOON")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].need", equalTo("aging-services"))
                .body("items[0].facts[0].sourceAgency", equalTo("DHS-SHELTER"));
        caseworker(team).when().get("/v1/inbox?status=ACCEPTED").then().statusCode(200).body("items", hasSize(0));
        caseworker(team).when().get("/v1/inbox?status=LOST")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("status"));
        caseworker(team).when().get("/v1/inbox?urgency=HIGH").then().statusCode(400).body("invalid-params[0].name", equalTo("urgency"));
        caseworker(team).when().get("/v1/inbox?size=0").then().statusCode(400).body("invalid-params[0].name", equalTo("size"));
        io.restassured.RestAssured.given().auth().oauth2(org.civiclink.platform.testing.DevTokenIssuer.issue("cw-none", null, "caseworker"))
                .header("Purpose-Of-Use", "REFERRAL").when().get("/v1/inbox").then().statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(org.civiclink.platform.testing.DevTokenIssuer.issue("cw-x", team, "caseworker"))
                .when().get("/v1/inbox").then().statusCode(400).body("invalid-params[0].name", equalTo("Purpose-Of-Use"));
    }

    @Test
    void inboxPagesFollowOneAnotherNewestFirst() {
        String team = team();
        for (int i = 0; i < 5; i++) {
            proposer.propose(client(), team, List.of(match("benefits-screening")), false);
        }
        List<String> all = caseworker(team).when().get("/v1/inbox?size=200")
                .then().statusCode(200).body("total", equalTo(5)).extract().jsonPath().getList("items.referralId", String.class);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(caseworker(team).when().get("/v1/inbox?size=2&page=" + page)
                    .then().statusCode(200).body("page", equalTo(page)).body("size", equalTo(2)).body("total", equalTo(5))
                    .body("items", hasSize(page < 2 ? 2 : 1))
                    .extract().jsonPath().getList("items.referralId", String.class));
        }
        assertEquals(all, paged, "page 1 continues where page 0 ends, page 2 holds the rest");
        caseworker(team).when().get("/v1/inbox?size=2&page=3").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void twoTransactionsProposingOneNewNeedAtOnceLeaveOneOpenReferralAndNoFailure() throws Exception {
        String team = team();
        String clientId = client();
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        AtomicInteger secondRuns = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transaction.run(() -> {
                proposer.propose(clientId, team, List.of(match("benefits-screening")), false);
                ReferralRecord.flush();
                firstInserted.countDown();
                awaitLatch(commitFirst);
            }));
            assertTrue(firstInserted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            Future<?> second = threads.submit(() -> transaction.run(() -> {
                secondRuns.incrementAndGet();
                proposer.propose(clientId, team, List.of(match("benefits-screening")), false);
            }));
            // The second saw no open referral to lock (the first's is not committed) and its insert now waits on
            // the unique index for the first to finish: the race, for certain.
            Eventually.assertWithin(WAIT, () -> assertEquals(1, insertsWaitingOnALock()));
            commitFirst.countDown();
            first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
        assertEquals(2, secondRuns.get(), "the loser ran again, and found the winner's referral");
        assertEquals("PROPOSED", only(clientId, "benefits-screening").status);
    }

    private long insertsWaitingOnALock() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                        + " AND query ILIKE 'insert into referral %'").getSingleResult()).longValue());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertTrue(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String team() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String client() {
        return "C-" + UUID.randomUUID();
    }
}
