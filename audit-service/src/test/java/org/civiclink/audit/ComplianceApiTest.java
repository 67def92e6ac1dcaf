package org.civiclink.audit;

import static org.civiclink.audit.Accesses.asOfficer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civiclink.events.AccessEvent;
import org.civiclink.events.AccessOutcome;
import org.civiclink.events.Actor;
import org.civiclink.events.topic.Topic;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The compliance officer's review tools over AccessEvents sent through the real broker into the
 * real database. Each test uses its own clients, people and (past) hours, so tests never see each
 * other's findings; the test profile sets the anomaly thresholds to 3.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AuditDatabaseTestResource.class, restrictToAnnotatedClass = true)
class ComplianceApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A Monday, 10:15 UTC: inside the default working hours (07:00–19:00 UTC, Monday to Friday). */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-01-05T10:15:00Z");

    @Test
    void accountingOfDisclosuresListsPeopleAndSystemsAsJsonAndCsv() {
        String clientId = "C-" + UUID.randomUUID();
        AccessEvent read = Accesses.read("cw-disclose", clientId, MONDAY_MORNING).build();
        AccessEvent processing = Accesses.read("linkage-service", clientId, MONDAY_MORNING.plusSeconds(60))
                .setActor(Actor.newBuilder().setSubject("linkage-service").setRoles(List.of("system")).build())
                .setAction("PROCESS").setPurposeOfUse("TREATMENT").setDataCategories(List.of("identity", "address"))
                .setService("linkage-service").setEndpoint("topic:civiclink.intake.accepted.v1").setHttpStatus(null).build();
        AccessEvent denied = Accesses.read("cw-nosy", clientId, MONDAY_MORNING.plusSeconds(120))
                .setOutcome(AccessOutcome.DENIED).setHttpStatus(403).setDenialReason("forbidden").build();
        send(read, processing, denied);

        String until = MONDAY_MORNING.plusSeconds(3600).toString();
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("to", until).when().get("/v1/audit/clients/" + clientId + "/disclosures")
                .then().statusCode(200).body("$", hasSize(2)));
        asOfficer().queryParam("to", until).when().get("/v1/audit/clients/" + clientId + "/disclosures").then().statusCode(200)
                .body("[0].eventId", equalTo(read.getEventId()))
                .body("[0].actorType", equalTo("person"))
                .body("[0].subject", equalTo("cw-disclose"))
                .body("[0].purposeOfUse", equalTo("REFERRAL"))
                .body("[0].dataCategories", equalTo(List.of("referral")))
                .body("[1].actorType", equalTo("system"))
                .body("[1].action", equalTo("PROCESS"))
                .body("[1].dataCategories", equalTo(List.of("identity", "address")));

        String csv = asOfficer().accept("text/csv").queryParam("to", until).when().get("/v1/audit/clients/" + clientId + "/disclosures")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertEquals("occurredAt,actorType,subject,roles,agency,action,dataCategories,purposeOfUse,purposeReason,service,endpoint,eventId",
                lines.get(0));
        assertTrue(lines.get(2).startsWith("2026-01-05T10:16:00Z,system,linkage-service,system,,PROCESS,identity;address,TREATMENT,"), csv);

        // The officer's own reads of this client's accounting are disclosures too, and are listed as such.
        Eventually.assertWithin(WAIT, () -> asOfficer().when().get("/v1/audit/clients/" + clientId + "/disclosures")
                .then().statusCode(200)
                .body("subject", hasItems("cw-disclose", "linkage-service", "officer-1"))
                .body("dataCategories.flatten()", hasItems("access-trail")));
    }

    @Test
    void breakTheGlassAccessesAreListedWithTheirReasons() {
        String clientId = "C-" + UUID.randomUUID();
        AccessEvent emergency = Accesses.read("cw-emergency", clientId, Instant.now())
                .setPurposeOfUse("BREAK_THE_GLASS").setPurposeReason("client unconscious at shelter door").build();
        send(emergency);

        Eventually.assertWithin(WAIT, () -> asOfficer().when().get("/v1/audit/break-the-glass").then().statusCode(200)
                .body("items.eventId", hasItems(emergency.getEventId()))
                .body("items.purposeReason", hasItems("client unconscious at shelter door"))
                .body("items.purposeOfUse", org.hamcrest.Matchers.everyItem(equalTo("BREAK_THE_GLASS"))));
    }

    @Test
    void bulkAccessIsReportedAboveTheHourlyThreshold() {
        Instant hour = Instant.parse("2026-02-02T09:00:00Z");
        for (int i = 0; i < 4; i++) {
            send(Accesses.read("cw-bulk", "C-" + UUID.randomUUID(), hour.plusSeconds(60L * i)).build());
        }
        for (int i = 0; i < 3; i++) {
            send(Accesses.read("cw-modest", "C-" + UUID.randomUUID(), hour.plusSeconds(60L * i)).build());
        }
        send(Accesses.read("linkage-service", "C-" + UUID.randomUUID(), hour)
                .setActor(Actor.newBuilder().setSubject("linkage-service").setRoles(List.of("system")).build()).build());

        Eventually.assertWithin(WAIT, () -> anomalies("bulk-access", hour, hour.plusSeconds(3600))
                .body("findings", hasSize(1))
                .body("findings[0].subject", equalTo("cw-bulk"))
                .body("findings[0].count", equalTo(4))
                .body("findings[0].hourStart", equalTo("2026-02-02T09:00:00Z")));
    }

    @Test
    void repeatedDenialsAreReported() {
        Instant hour = Instant.parse("2026-02-03T14:00:00Z");
        for (int i = 0; i < 3; i++) {
            send(Accesses.read("cw-denied", "C-" + UUID.randomUUID(), hour.plusSeconds(100L * i))
                    .setOutcome(AccessOutcome.DENIED).setHttpStatus(403).setDenialReason("forbidden").build());
        }
        send(Accesses.read("cw-denied-once", "C-" + UUID.randomUUID(), hour)
                .setOutcome(AccessOutcome.DENIED).setHttpStatus(403).setDenialReason("forbidden").build());

        Eventually.assertWithin(WAIT, () -> anomalies("repeated-denials", hour, hour.plusSeconds(3600))
                .body("findings.subject", equalTo(List.of("cw-denied")))
                .body("findings[0].count", equalTo(3)));
    }

    @Test
    void afterHoursAccessIsReportedAndWorkingHoursAreNot() {
        Instant day = Instant.parse("2026-02-04T00:00:00Z");
        AccessEvent lateNight = Accesses.read("cw-night", "C-" + UUID.randomUUID(), day.plusSeconds(23 * 3600 + 1800)).build();
        AccessEvent office = Accesses.read("cw-night", "C-" + UUID.randomUUID(), day.plusSeconds(11 * 3600)).build();
        AccessEvent saturday = Accesses.read("cw-weekend", "C-" + UUID.randomUUID(), Instant.parse("2026-02-07T11:00:00Z")).build();
        send(lateNight, office, saturday);

        Eventually.assertWithin(WAIT, () -> anomalies("after-hours", day, day.plusSeconds(4 * 86400))
                .body("findings.eventId", equalTo(List.of(lateNight.getEventId(), saturday.getEventId())))
                .body("findings[0].localTime", equalTo("2026-02-04T23:30")));
    }

    @Test
    void anUnknownAnomalyKindOrRangeIsAProblemNamingTheField() {
        asOfficer().queryParam("kind", "psychic").when().get("/v1/audit/anomalies")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("kind"));
        asOfficer().queryParam("kind", "bulk-access").queryParam("from", "2026-02-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/v1/audit/anomalies")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("from"));
    }

    @Test
    void aTimeRangeExportsAsAFhirBundleOfBalpAuditEvents() {
        Instant at = Instant.parse("2026-03-02T08:30:00Z");
        String clientId = "C-" + UUID.randomUUID();
        AccessEvent read = Accesses.read("cw-fhir", clientId, at).setRecordIds(List.of("DHS-SHELTER:R-7")).build();
        AccessEvent denied = Accesses.read("cw-fhir", clientId, at.plusSeconds(5)).setPurposeOfUse("BREAK_THE_GLASS")
                .setPurposeReason("emergency").setOutcome(AccessOutcome.DENIED).setHttpStatus(403).setDenialReason("forbidden").build();
        send(read, denied);

        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("from", at.toString()).queryParam("to", at.plusSeconds(60).toString())
                .when().get("/v1/audit/export/fhir").then().statusCode(200).body("total", equalTo(2)));
        JsonPath bundle = asOfficer().accept("application/fhir+json").queryParam("from", at.toString())
                .queryParam("to", at.plusSeconds(60).toString()).when().get("/v1/audit/export/fhir")
                .then().statusCode(200).contentType(containsString("application/fhir+json")).extract().jsonPath();
        assertEquals("Bundle", bundle.getString("resourceType"));
        String first = "entry[0].resource.";
        assertEquals("AuditEvent", bundle.getString(first + "resourceType"));
        assertEquals(read.getEventId(), bundle.getString(first + "id"));
        assertEquals("https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead", bundle.getString(first + "meta.profile[0]"));
        assertEquals("rest", bundle.getString(first + "type.code"));
        assertEquals("read", bundle.getString(first + "subtype[0].code"));
        assertEquals("R", bundle.getString(first + "action"));
        assertEquals("2026-03-02T08:30:00Z", bundle.getString(first + "recorded"));
        assertEquals("0", bundle.getString(first + "outcome"));
        assertEquals("COC", bundle.getString(first + "purposeOfEvent[0].coding[0].code"));
        assertEquals("cw-fhir", bundle.getString(first + "agent[0].who.identifier.value"));
        assertEquals(true, bundle.getBoolean(first + "agent[0].requestor"));
        assertEquals("caseworker", bundle.getString(first + "agent[0].role[0].coding[0].code"));
        assertEquals("recommendation-service", bundle.getString(first + "source.observer.display"));
        assertEquals("Patient/" + clientId, bundle.getString(first + "entity[0].what.reference"));
        assertEquals("referral", bundle.getString(first + "entity[0].securityLabel[0].code"));
        assertEquals("DHS-SHELTER:R-7", bundle.getString(first + "entity[1].what.identifier.value"));
        String second = "entry[1].resource.";
        assertEquals("4", bundle.getString(second + "outcome"));
        assertEquals("ETREAT", bundle.getString(second + "purposeOfEvent[0].coding[0].code"));
    }

    @Test
    void theFhirExportIsPagedWithANextLinkThatCarriesTheRange() {
        Instant at = Instant.parse("2026-03-16T08:00:00Z");
        List<String> oldestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AccessEvent read = Accesses.read("cw-fhir-pages", "C-" + UUID.randomUUID(), at.plusSeconds(i)).build();
            oldestFirst.add(read.getEventId());
            send(read);
        }
        String from = at.toString();
        String to = at.plusSeconds(60).toString();
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("from", from).queryParam("to", to)
                .when().get("/v1/audit/export/fhir").then().statusCode(200).body("total", equalTo(3)));

        JsonPath first = asOfficer().queryParam("from", from).queryParam("to", to).queryParam("size", 2)
                .when().get("/v1/audit/export/fhir").then().statusCode(200).extract().jsonPath();
        assertEquals("searchset", first.getString("type"));
        assertEquals(3, first.getInt("total"));
        assertEquals(oldestFirst.subList(0, 2), first.getList("entry.resource.id"));
        assertEquals(List.of("self", "next"), first.getList("link.relation"), first.prettify());
        String next = first.getString("link.find { it.relation == 'next' }.url");

        // The link is already encoded; following it as given must not encode it again.
        JsonPath second = asOfficer().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
        assertEquals(3, second.getInt("total"));
        assertEquals(oldestFirst.subList(2, 3), second.getList("entry.resource.id"));
        assertEquals(List.of("self", "previous"), second.getList("link.relation"), second.prettify());
    }

    @Test
    void fhirExportPagingOutOfBoundsIsAProblemNamingTheField() {
        asOfficer().queryParam("size", 501).when().get("/v1/audit/export/fhir")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("size"));
        asOfficer().queryParam("size", 0).when().get("/v1/audit/export/fhir")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("size"));
        asOfficer().queryParam("page", -1).when().get("/v1/audit/export/fhir")
                .then().statusCode(400).contentType("application/problem+json").body("invalid-params[0].name", equalTo("page"));
    }

    @Test
    void theClientsOfTheEntriesAnOfficerIsShownAreInTheirAccountingOfDisclosures() {
        Instant at = Instant.parse("2026-03-23T09:00:00Z");
        String searched = "C-" + UUID.randomUUID();
        String exported = "C-" + UUID.randomUUID();
        String emergency = "C-" + UUID.randomUUID();
        String alsoNamed = "C-" + UUID.randomUUID();
        AccessEvent search = Accesses.read("cw-shown-search", searched, at).build();
        AccessEvent export = Accesses.read("cw-shown-export", exported, at.plusSeconds(30))
                .setClientIds(List.of(exported, alsoNamed)).build();
        AccessEvent glass = Accesses.read("cw-shown-glass", emergency, Instant.now())
                .setPurposeOfUse("BREAK_THE_GLASS").setPurposeReason("found unresponsive").build();
        send(search, export, glass);
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("subject", "cw-shown-glass").when().get("/v1/audit/events")
                .then().statusCode(200).body("items.eventId", hasItems(glass.getEventId())));

        // Searching by someone else than the client, exporting a range, listing break-the-glass: none names a client
        // in the request, yet each shows entries that do.
        asOfficer().queryParam("subject", "cw-shown-search").when().get("/v1/audit/events")
                .then().statusCode(200).body("items.eventId", equalTo(List.of(search.getEventId())));
        asOfficer().queryParam("from", at.plusSeconds(30).toString()).queryParam("to", at.plusSeconds(31).toString())
                .when().get("/v1/audit/export/fhir").then().statusCode(200).body("total", equalTo(1));
        asOfficer().when().get("/v1/audit/break-the-glass").then().statusCode(200).body("items.eventId", hasItems(glass.getEventId()));

        assertOfficerReadIsDisclosed(searched, "GET /v1/audit/events");
        assertOfficerReadIsDisclosed(exported, "GET /v1/audit/export/fhir");
        assertOfficerReadIsDisclosed(alsoNamed, "GET /v1/audit/export/fhir");
        assertOfficerReadIsDisclosed(emergency, "GET /v1/audit/break-the-glass");
    }

    private static void assertOfficerReadIsDisclosed(String clientId, String endpoint) {
        Eventually.assertWithin(WAIT, () -> asOfficer().queryParam("from", Instant.now().minusSeconds(3600).toString())
                .when().get("/v1/audit/clients/" + clientId + "/disclosures").then().statusCode(200)
                .body("findAll { it.subject == 'officer-1' }.endpoint", hasItems(endpoint))
                .body("findAll { it.subject == 'officer-1' }.dataCategories.flatten()", hasItems("access-trail")));
    }

    private static io.restassured.response.ValidatableResponse anomalies(String kind, Instant from, Instant to) {
        return asOfficer().queryParam("kind", kind).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/v1/audit/anomalies").then().statusCode(200).body("kind", equalTo(kind));
    }

    private static void send(AccessEvent... events) {
        for (AccessEvent event : events) {
            TopicWriter.send(Topic.ACCESS_EVENTS, event.getEventId(), event);
        }
    }
}
