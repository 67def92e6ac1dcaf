package org.civiclink.intake.receive;

import static org.civiclink.intake.IntakeTestSupport.acceptedCount;
import static org.civiclink.intake.IntakeTestSupport.asShelter;
import static org.civiclink.intake.IntakeTestSupport.event;
import static org.civiclink.intake.IntakeTestSupport.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** (agency, event id) is decided once, in the real database, with the real broker counting what was published. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class IdempotencyTest {

    @Test
    void theSameEventTwiceIsPublishedOnceAndAnsweredTheSame() {
        String id = uniqueId("evt-twice");
        Response first = asShelter().body(event("DHS-SHELTER", id, "S-2001")).post("/v1/events");
        first.then().statusCode(202).header("Idempotent-Replay", "false");
        // Same content, other key order and spacing: still the same event.
        String reordered = event("DHS-SHELTER", id, "S-2001").replace("\"sex\":\"F\",", "").replace("\"dateOfBirth\"", "\"sex\":\"F\", \"dateOfBirth\"");
        Response second = asShelter().body(reordered).post("/v1/events");
        second.then().statusCode(202).header("Idempotent-Replay", "true");

        assertEquals(first.body().asString(), second.body().asString());
        assertEquals(1, acceptedCount(id));
    }

    @Test
    void twentyConcurrentDuplicatesGiveOneEventAndIdenticalAnswers() throws Exception {
        String id = uniqueId("evt-race");
        String body = event("DHS-SHELTER", id, "S-2002");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                posts.add(() -> {
                    Response response = asShelter().body(body).post("/v1/events");
                    return response.statusCode() + " " + response.body().asString();
                });
            }
            Set<String> answers = new HashSet<>();
            for (Future<String> answer : pool.invokeAll(posts)) {
                answers.add(answer.get());
            }
            assertEquals(1, answers.size(), "all answers identical: " + answers);
            assertEquals('2', answers.iterator().next().charAt(0));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, acceptedCount(id));
    }

    @Test
    void theSameIdWithOtherContentIs409AndNothingMoreIsPublished() {
        String id = uniqueId("evt-conflict");
        asShelter().body(event("DHS-SHELTER", id, "S-2003")).post("/v1/events").then().statusCode(202);
        asShelter().body(event("DHS-SHELTER", id, "S-2003").replace("Lopez", "Lopes"))
                .post("/v1/events")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        assertEquals(1, acceptedCount(id));
    }

    @Test
    void aRejectedEventCanBeCorrectedUnderItsIdAndItsStatusFollows() {
        String id = uniqueId("evt-fix");
        String broken = event("DHS-SHELTER", id, "S-2004").replace("\"eventType\":\"shelter.entry\"", "\"eventType\":\"shelter.party\"");
        asShelter().body(broken).post("/v1/events").then().statusCode(422).body("invalid-params.name", hasItems("eventType"));
        asShelter().get("/v1/events/DHS-SHELTER/" + id).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("reasons.name", hasItems("eventType"));

        asShelter().body(event("DHS-SHELTER", id, "S-2004")).post("/v1/events").then().statusCode(202);
        asShelter().get("/v1/events/DHS-SHELTER/" + id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("recordId", equalTo("DHS-SHELTER:S-2004"));
        assertEquals(1, acceptedCount(id));
    }

    @Test
    void anUnknownEventIs404Problem() {
        asShelter().get("/v1/events/DHS-SHELTER/never-sent").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void doubtfulValuesAreKeptFlaggedInTheReceiptAndTravelWithTheEvent() {
        String id = uniqueId("evt-doubt");
        String doubtful = event("DHS-SHELTER", id, "S-2005")
                .replace("\"1984-03-12\"", "\"2199-01-01\"")
                .replace("412-55-0198", "123-45-6789")
                .replace("+1 212 555 0143", "call the front desk")
                .replace("\"postalCode\":\"10016\",", "");
        asShelter().body(doubtful).post("/v1/events").then().statusCode(202)
                .body("qualityFlags.code", hasItems("DOB_IN_FUTURE", "SSN_PLACEHOLDER", "PHONE_UNPARSEABLE", "ADDRESS_WITHOUT_POSTCODE"))
                .body("qualityFlags.field", hasItems("person.dateOfBirth", "person.ssn", "person.phones[0].number",
                        "person.addresses[0].postalCode"));

        var published = org.civiclink.intake.IntakeTestSupport.acceptedSoFar().stream()
                .filter(e -> e.getAgencyEventId().equals(id)).findFirst().orElseThrow();
        // The original values are kept where they were sent; the flags only point at them.
        assertEquals("123-45-6789", published.getPerson().getSsn());
        assertEquals("2199-01-01", published.getPerson().getDateOfBirth());
        assertEquals("call the front desk", published.getPerson().getPhones().get(0).getNumber());
        assertEquals(4, published.getQualityFlags().size());
    }
}
