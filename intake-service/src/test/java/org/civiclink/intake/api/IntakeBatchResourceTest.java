package org.civiclink.intake.api;

import static org.civiclink.intake.IntakeTestSupport.acceptedSoFar;
import static org.civiclink.intake.IntakeTestSupport.asShelter;
import static org.civiclink.intake.IntakeTestSupport.event;
import static org.civiclink.intake.IntakeTestSupport.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class IntakeBatchResourceTest {

    @Test
    void eachItemGetsItsOwnResultInOrder() {
        String fresh = uniqueId("batch-new");
        String earlier = uniqueId("batch-old");
        String reused = uniqueId("batch-reused");
        asShelter().body(event("DHS-SHELTER", earlier, "S-B1")).post("/v1/events").then().statusCode(202);
        asShelter().body(event("DHS-SHELTER", reused, "S-B2")).post("/v1/events").then().statusCode(202);
        String invalid = event("DHS-SHELTER", uniqueId("batch-bad"), "S-B3").replace("shelter.entry", "shelter.party");

        String body = "{\"events\":[" + String.join(",", List.of(
                event("DHS-SHELTER", fresh, "S-B0"),
                event("DHS-SHELTER", earlier, "S-B1"),
                event("DHS-SHELTER", reused, "S-B2").replace("Lopez", "Lopes"),
                invalid,
                "null")) + "]}";
        asShelter().body(body).post("/v1/events/batch")
                .then().statusCode(200)
                .body("results.result", contains("accepted", "duplicate", "conflict", "rejected", "rejected"))
                .body("results.index", contains(0, 1, 2, 3, 4))
                .body("results[0].recordId", equalTo("DHS-SHELTER:S-B0"))
                .body("results[3].reasons.name", hasItems("eventType"))
                .body("accepted", equalTo(1)).body("duplicates", equalTo(1)).body("conflicts", equalTo(1)).body("rejected", equalTo(2));

        Set<String> ids = Set.of(fresh, earlier, reused);
        assertEquals(3, acceptedSoFar().stream().filter(e -> ids.contains(e.getAgencyEventId())).count());
    }

    @Test
    void moreThanAThousandIs413AndNothingIsDecided() {
        String id = uniqueId("batch-big");
        String one = event("DHS-SHELTER", id, "S-BIG").replace("\n", "");
        String body = "{\"events\":[" + String.join(",", Collections.nCopies(1001, one)) + "]}";
        asShelter().body(body).post("/v1/events/batch")
                .then().statusCode(413).contentType("application/problem+json").body("invalid-params.name", hasItems("events"));
        asShelter().get("/v1/events/DHS-SHELTER/" + id).then().statusCode(404);
    }

    @Test
    void aBatchNamingAnotherAgencyIsRefusedWhole() {
        String mine = uniqueId("batch-mine");
        String body = "{\"events\":[" + event("DHS-SHELTER", mine, "S-B4") + "," + event("HRA", uniqueId("batch-theirs"), "H-1") + "]}";
        asShelter().body(body).post("/v1/events/batch").then().statusCode(403).contentType("application/problem+json");
        asShelter().get("/v1/events/DHS-SHELTER/" + mine).then().statusCode(404);
    }

    @Test
    void aBatchWithoutEventsIs422() {
        asShelter().body("{}").post("/v1/events/batch").then().statusCode(422).body("invalid-params.name", hasItems("events"));
    }
}
