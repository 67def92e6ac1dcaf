package org.civiclink.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.civiclink.deploy.simulate.SimulatedIntakeEvents;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.wire.AvroCodec;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.Test;

/** The yardstick does the work it claims: every record is decoded and written again, intact. */
class PassThroughTopologyTest {

    private static final AvroCodec<IntakeEvent> CODEC = AvroCodec.of(IntakeEvent.class);

    @Test
    void everyAcceptedEventIsDecodedAndWrittenToTheScratchTopic() {
        AtomicInteger counted = new AtomicInteger();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "pass-through-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                PassThroughTopology.topology("accepted", "scratch", counted::incrementAndGet), config)) {
            var in = driver.createInputTopic("accepted", new ByteArraySerializer(), new ByteArraySerializer());
            var out = driver.createOutputTopic("scratch", new ByteArrayDeserializer(), new ByteArrayDeserializer());
            IntakeEvent event = SimulatedIntakeEvents.of(new SourceRecord("HRA-1", "HRA", "Ana", "", "Diaz", "1990-01-02",
                    "F", "", "1 Main St", "Bronx", "10451", "7185550100", "P1"), "t-", Instant.parse("2026-12-01T10:00:00Z"));
            in.pipeInput("HRA:HRA-1".getBytes(), CODEC.encode(event));
            in.pipeInput("HRA:HRA-1".getBytes(), CODEC.encode(event));

            List<byte[]> written = out.readValuesToList();

            assertEquals(2, written.size());
            assertEquals(event, CODEC.decode(written.get(0)));
            assertEquals(2, counted.get());
        }
    }
}
