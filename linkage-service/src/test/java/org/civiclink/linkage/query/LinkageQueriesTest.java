package org.civiclink.linkage.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.civiclink.events.ClientUpdate;
import org.civiclink.events.ClientUpdateType;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.PossibleMatch;
import org.civiclink.events.topic.Topic;
import org.civiclink.linkage.People;
import org.civiclink.platform.testing.DevTokenIssuer;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.platform.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The linker's queries and review decisions on a real broker, through the HTTP API. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class LinkageQueriesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String caseworker = DevTokenIssuer.issue("cw-queries", "DHS", "caseworker");
    private final String supervisor = DevTokenIssuer.issue("sup-queries", "DHS", "supervisor");

    @Test
    void aMergeKeepsOneIdTheRetiredIdRedirectsAndMembersKeepTheirSources() {
        String survivor = linkAll(People.byAddress(People.MARIA, "M-1"), People.bySsn(People.MARIA, "M-2"), People.bridge(People.MARIA, "M-3"));
        ClientUpdate merge = TopicReader.await(Topic.CLIENT_UPDATES, ClientUpdate.class,
                u -> u.getType() == ClientUpdateType.CLIENTS_MERGED && u.getClientId().equals(survivor), 1, WAIT).get(0).value();
        String retired = merge.getPreviousClientIds().get(0);

        given().auth().oauth2(caseworker).header("Purpose-Of-Use", "TREATMENT").redirects().follow(false)
                .when().get("/v1/clients/" + retired)
                .then().statusCode(308).header("Location", org.hamcrest.Matchers.endsWith("/v1/clients/" + survivor))
                .body("mergedInto", equalTo(survivor));

        given().auth().oauth2(caseworker).header("Purpose-Of-Use", "TREATMENT")
                .when().get("/v1/clients/" + survivor)
                .then().statusCode(200)
                .body("records.recordId", hasItems("DHS-SHELTER:M-1", "HRA:M-2", "HHC:M-3"))
                .body("records.find { it.recordId == 'HRA:M-2' }.values.find { it.field == 'ssnLast4' }.value", equalTo("9998"))
                .body("records.find { it.recordId == 'HRA:M-2' }.values.sourceAgency", hasItem("HRA"));
    }

    @Test
    void explainsAPairAsAWaterfallOfComparisons() {
        linkAll(People.byAddress(People.AISHA, "E-1"), People.bridge(People.AISHA, "E-2"));

        given().auth().oauth2(caseworker).header("Purpose-Of-Use", "TREATMENT")
                .queryParam("left", "DHS-SHELTER:E-1").queryParam("right", "HHC:E-2")
                .when().get("/v1/links/explain")
                .then().statusCode(200)
                .body("sameClient", equalTo(true))
                .body("waterfall.steps.comparison", hasItems("first_name", "last_name", "date_of_birth"))
                .body("waterfall.decision", equalTo("LINK"));

        given().auth().oauth2(caseworker).header("Purpose-Of-Use", "TREATMENT").queryParam("left", "nocolon")
                .when().get("/v1/links/explain")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalid-params.name", hasItems("left", "right"));
    }

    @Test
    void aPossibleMatchIsListedAndAForcedLinkResolvesIt() {
        IntakeEvent maria = People.person("ACS", "P-1", "Maria", "Santos", "1983-08-19", null, null, null, null);
        IntakeEvent similarName = People.person("HRA", "P-2", "Mary", "Santos", "1983-08-19", null, null, null, null);
        linkAll(maria, similarName);
        TopicReader.await(Topic.LINK_REVIEW, PossibleMatch.class, m -> m.getLeftRecordId().equals("ACS:P-1")
                && m.getRightRecordId().equals("HRA:P-2"), 1, WAIT);

        Eventually.assertWithin(WAIT, () -> given().auth().oauth2(supervisor).header("Purpose-Of-Use", "TREATMENT")
                .when().get("/v1/possible-matches?size=200")
                .then().statusCode(200).body("items.leftRecordId", hasItem("ACS:P-1")));

        given().auth().oauth2(supervisor).header("Purpose-Of-Use", "TREATMENT").contentType(ContentType.JSON)
                .body(Map.of("type", "FORCE_LINK", "leftRecordId", "ACS:P-1", "rightRecordId", "HRA:P-2",
                        "reason", "same person: HRA anglicized her first name"))
                .when().post("/v1/decisions")
                .then().statusCode(202).body("type", equalTo("FORCE_LINK"));

        Eventually.assertWithin(WAIT, () -> assertEquals(clientOf("ACS", "P-1"), clientOf("HRA", "P-2")));
    }

    @Test
    void anUnlinkSplitsTheClient() {
        linkAll(People.byAddress(People.TOMAS, "U-1"), People.bridge(People.TOMAS, "U-2"));
        assertEquals(clientOf("DHS-SHELTER", "U-1"), clientOf("HHC", "U-2"));

        given().auth().oauth2(supervisor).header("Purpose-Of-Use", "TREATMENT").contentType(ContentType.JSON)
                .body(Map.of("type", "UNLINK", "leftRecordId", "DHS-SHELTER:U-1", "rightRecordId", "HHC:U-2",
                        "reason", "different mothers' names on file"))
                .when().post("/v1/decisions")
                .then().statusCode(202);

        Eventually.assertWithin(WAIT, () -> assertNotEquals(clientOf("DHS-SHELTER", "U-1"), clientOf("HHC", "U-2")));
    }

    @Test
    void anIncompleteDecisionIsRefusedNamingEachField() {
        given().auth().oauth2(supervisor).header("Purpose-Of-Use", "TREATMENT").contentType(ContentType.JSON)
                .body(Map.of("type", "MERGE_PLEASE", "leftRecordId", "x"))
                .when().post("/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalid-params.name", hasItems("type", "leftRecordId", "reason"));

        given().auth().oauth2(caseworker).header("Purpose-Of-Use", "TREATMENT").contentType(ContentType.JSON)
                .body(Map.of("type", "UNLINK", "leftRecordId", "A:1", "rightRecordId", "B:2", "reason", "r"))
                .when().post("/v1/decisions")
                .then().statusCode(403);
    }

    /** Publishes the events one after the other, each once the previous is linked; returns the client of the last. */
    private static String linkAll(IntakeEvent... events) {
        String clientId = null;
        for (IntakeEvent event : events) {
            TopicWriter.send(Topic.INTAKE_ACCEPTED, People.key(event), event);
            clientId = TopicReader.await(Topic.LINKED_EVENTS, LinkedEvent.class,
                    e -> e.getRecordId().equals(People.key(event)), 1, WAIT).get(0).value().getClientId();
        }
        return clientId;
    }

    private String clientOf(String agency, String recordId) {
        return given().auth().oauth2(caseworker).header("Purpose-Of-Use", "TREATMENT")
                .when().get("/v1/records/" + agency + "/" + recordId + "/client")
                .then().statusCode(200).extract().path("clientId");
    }
}
