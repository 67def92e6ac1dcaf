package org.civiclink.intake.security;

import static org.civiclink.intake.IntakeTestSupport.asShelter;
import static org.civiclink.intake.IntakeTestSupport.event;
import static org.civiclink.intake.IntakeTestSupport.uniqueId;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.civiclink.events.IntakeEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.platform.testing.DeadLetterReader;
import org.civiclink.platform.testing.KafkaTestResource;
import org.civiclink.platform.testing.PostgresTestResource;
import org.civiclink.platform.testing.TestEvents;
import org.civiclink.platform.testing.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs every kind of request with a distinctive test person (accepted, flagged, rejected, conflict,
 * malformed, batch, raw Kafka valid and invalid) while capturing all log output at every level, then
 * greps it for the person's name, date of birth and SSN.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class NoPersonalDataInLogsTest {

    private static final String GIVEN = "Zebulonia";
    private static final String FAMILY = "Quixotewright";
    private static final String DOB = "1951-07-04";
    private static final String SSN = "287-65-4320";

    private final ConcurrentLinkedQueue<String> captured = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            captured.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + stackText(record.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theTestPersonsIdentifiersNeverReachTheLog() {
        String id = uniqueId("evt-log");
        asShelter().body(person(event("DHS-SHELTER", id, "S-LOG"))).post("/v1/events").then().statusCode(202);
        asShelter().body(person(event("DHS-SHELTER", id, "S-LOG")).replace(FAMILY, FAMILY + "x")).post("/v1/events").then().statusCode(409);
        asShelter().body(person(event("DHS-SHELTER", uniqueId("evt-log"), "S-LOG")).replace("shelter.entry", "nope"))
                .post("/v1/events").then().statusCode(422);
        asShelter().body(person(event("DHS-SHELTER", uniqueId("evt-log"), "S-LOG")).replace("\"sex\":\"F\"", "\"sex\":[" + FAMILY + "]"))
                .post("/v1/events").then().statusCode(400);
        asShelter().body(person(event("DHS-SHELTER", uniqueId("evt-log"), "S-LOG")).replace("2026-11-30T20:15:00Z", DOB))
                .post("/v1/events").then().statusCode(400);
        asShelter().body("{\"events\":[" + person(event("DHS-SHELTER", uniqueId("evt-log"), "S-LOG")) + "]}")
                .post("/v1/events/batch").then().statusCode(200);

        String rawKey = uniqueId("raw-log");
        IntakeEvent invalid = TestEvents.intake("HRA", rawKey, "nope", "H-LOG", GIVEN, FAMILY, DOB);
        invalid.getPerson().setSsn(SSN);
        TopicWriter.sendBytes(Topic.INTAKE_RAW, rawKey, AvroCodec.of(IntakeEvent.class).encode(invalid));
        TopicWriter.sendBytes(Topic.INTAKE_RAW, rawKey + "-bytes", (GIVEN + " " + FAMILY + " " + SSN).getBytes(StandardCharsets.UTF_8));
        DeadLetterReader.await(Topic.INTAKE_DEAD_LETTER, rawKey, Duration.ofSeconds(30));
        DeadLetterReader.await(Topic.INTAKE_DEAD_LETTER, rawKey + "-bytes", Duration.ofSeconds(30));

        org.jboss.logging.Logger.getLogger(NoPersonalDataInLogsTest.class).info("capture-check");
        assertTrue(captured.stream().anyMatch(line -> line.contains("capture-check")), "the capture sees the application's log");
        List<String> lines = List.copyOf(captured);
        for (String secret : List.of(GIVEN, FAMILY, DOB, SSN, "287654320")) {
            assertFalse(lines.stream().anyMatch(line -> line.contains(secret)),
                    () -> secret + " appeared in the log: " + lines.stream().filter(line -> line.contains(secret)).findFirst().orElse(""));
        }
    }

    private static String person(String json) {
        return json.replace("Maria", GIVEN).replace("Lopez", FAMILY).replace("1984-03-12", DOB).replace("412-55-0198", SSN);
    }

    private static String stackText(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t).append(' ');
        }
        return text.toString();
    }
}
