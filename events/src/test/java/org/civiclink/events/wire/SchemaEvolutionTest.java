package org.civiclink.events.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.civiclink.events.AccessEvent;
import org.civiclink.events.AccessOutcome;
import org.civiclink.events.Actor;
import org.junit.jupiter.api.Test;

/** A v1 reader reads a v2 message and a v2 reader reads a v1 message, with no registry involved. */
class SchemaEvolutionTest {

    private static final Instant WHEN = Instant.parse("2026-05-04T10:15:30.123Z");

    private final Schema v1 = AccessEvent.getClassSchema();
    private final Schema v2 = loadV2();

    @Test
    void v1ReaderReadsV2MessageIgnoringTheNewField() throws IOException {
        GenericRecord written = new GenericRecordBuilder(v2)
                .set("eventId", "evt-2")
                .set("occurredAt", WHEN.toEpochMilli())
                .set("actor", new GenericRecordBuilder(v2.getField("actor").schema())
                        .set("subject", "caseworker-7").set("roles", List.of("caseworker")).set("agencyCode", "DHS").build())
                .set("purposeOfUse", "TREATMENT")
                .set("action", "READ")
                .set("clientIds", List.of("C-1"))
                .set("service", "recommendation-service")
                .set("endpoint", "GET /v1/referrals/R-1")
                .set("outcome", new GenericData.EnumSymbol(v2.getField("outcome").schema(), "PERMITTED"))
                .set("legalBasis", "HIPAA 164.506(c)")
                .build();
        byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2).encode(written));

        AccessEvent read = AvroCodec.of(AccessEvent.class, v2).decode(bytes);

        assertEquals("evt-2", read.getEventId());
        assertEquals(WHEN, read.getOccurredAt());
        assertEquals("caseworker-7", read.getActor().getSubject());
        assertEquals(List.of("C-1"), read.getClientIds());
        assertEquals(AccessOutcome.PERMITTED, read.getOutcome());
    }

    @Test
    void v2ReaderReadsV1MessageFillingTheDefault() throws IOException {
        AccessEvent v1Event = sampleV1();
        byte[] bytes = AvroCodec.of(AccessEvent.class).encode(v1Event);

        SchemaStore.Cache known = new SchemaStore.Cache();
        known.addSchema(v1);
        GenericRecord read = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v2, known).decode(bytes);

        assertEquals("evt-1", read.get("eventId").toString());
        assertEquals("DENIED", read.get("outcome").toString());
        assertEquals(403, read.get("httpStatus"));
        assertNull(read.get("legalBasis"));
    }

    @Test
    void messagesCarryTheWriterSchemaFingerprint() {
        AvroCodec<AccessEvent> codec = AvroCodec.of(AccessEvent.class);
        byte[] bytes = codec.encode(sampleV1());

        assertArrayEquals(new byte[] {(byte) 0xC3, 0x01}, new byte[] {bytes[0], bytes[1]});
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(codec.currentFingerprint(), fingerprint);
        assertEquals(sampleV1(), codec.decode(bytes));
    }

    @Test
    void unknownWriterSchemaIsAClearError() throws IOException {
        byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2)
                .encode(new GenericRecordBuilder(v2)
                        .set("eventId", "x").set("occurredAt", 0L)
                        .set("actor", new GenericRecordBuilder(v2.getField("actor").schema()).set("subject", "s").build())
                        .set("action", "READ").set("service", "s").set("endpoint", "e")
                        .set("outcome", new GenericData.EnumSymbol(v2.getField("outcome").schema(), "DENIED"))
                        .build()));

        MessageDecodingException error = assertThrows(MessageDecodingException.class,
                () -> AvroCodec.of(AccessEvent.class).decode(bytes));
        assertTrue(error.getMessage().contains("Unknown writer schema"), error.getMessage());
    }

    @Test
    void garbageIsAClearError() {
        MessageDecodingException error = assertThrows(MessageDecodingException.class,
                () -> AvroCodec.of(AccessEvent.class).decode("{\"json\":true}".getBytes()));
        assertTrue(error.getMessage().contains("bad header"), error.getMessage());
    }

    private static AccessEvent sampleV1() {
        return AccessEvent.newBuilder()
                .setEventId("evt-1")
                .setOccurredAt(WHEN)
                .setActor(Actor.newBuilder().setSubject("clerk-3").setRoles(List.of("caseworker")).setAgencyCode("DHS").build())
                .setAction("READ")
                .setClientIds(List.of("C-9"))
                .setService("linkage-service")
                .setEndpoint("GET /v1/clients/C-9")
                .setOutcome(AccessOutcome.DENIED)
                .setHttpStatus(403)
                .setDenialReason("role caseworker not allowed")
                .build();
    }

    private static Schema loadV2() {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/AccessEvent-v2.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
