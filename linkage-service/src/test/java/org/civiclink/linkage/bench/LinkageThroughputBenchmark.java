package org.civiclink.linkage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.civiclink.events.Address;
import org.civiclink.events.AddressUse;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.NameUse;
import org.civiclink.events.PersonName;
import org.civiclink.events.PersonRecord;
import org.civiclink.events.Phone;
import org.civiclink.events.PhoneUse;
import org.civiclink.events.topic.Topic;
import org.civiclink.events.wire.AvroSerde;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.stream.TopologyProducer;
import org.civiclink.platform.testing.KafkaBroker;
import org.civiclink.simulator.Simulation;
import org.civiclink.simulator.records.SourceRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Events linked per second by the real topology — RocksDB stores, exactly-once, a real broker — once
 * a given number of records is already known. Prints figures; asserts only that every event was
 * linked. Sizes: -Dlinkage.bench.known=10000,100000 -Dlinkage.bench.measured=20000
 */
@Tag("benchmark")
class LinkageThroughputBenchmark {

    /** A run fails, rather than hangs, once no event has been linked for this long. */
    private static final Duration STALL = Duration.ofMinutes(2);

    @Test
    void eventsLinkedPerSecondWithRecordsAlreadyKnown() throws Exception {
        long measured = Long.getLong("linkage.bench.measured", 20_000);
        List<String> table = new ArrayList<>();
        for (String size : System.getProperty("linkage.bench.known", "10000,100000").split(",")) {
            long known = Long.parseLong(size.trim());
            table.add(run(known, measured));
        }
        System.out.println("\nLinkage throughput (real topology, EOS v2, RocksDB, in-process broker)");
        System.out.println("known records | measured events | seconds | events/s | load average after");
        table.forEach(System.out::println);
    }

    /**
     * One run: its own application (empty stores) that starts at the end of the shared source topics,
     * and its own record ids, so it links this run's events and counts only theirs.
     */
    private String run(long known, long measured) throws Exception {
        String bootstrap = KafkaBroker.bootstrapServers();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String applicationId = "linkage-bench-" + runId;
        List<IntakeEvent> population = population(known + measured, runId);
        List<IntakeEvent> knownEvents = population.subList(0, (int) known);
        List<IntakeEvent> measuredEvents = population.subList((int) known, population.size());
        SourceOffsets.startAtEnd(bootstrap, applicationId, Topic.INTAKE_ACCEPTED, Topic.LINK_DECISIONS);

        Path state = Files.createTempDirectory("linkage-bench");
        try (LinkedCounter linked = new LinkedCounter(bootstrap, runId);
             KafkaStreams streams = new KafkaStreams(TopologyProducer.topology(LinkageModel.defaultModel()),
                     config(bootstrap, applicationId, state))) {
            BooleanSupplier alive = () -> streams.state().isRunningOrRebalancing();
            publish(bootstrap, knownEvents);
            streams.start();
            linked.awaitCount(known, STALL, alive);
            // The measured events are all on the broker before the clock starts: the figure is how
            // fast the linker works through them, not how fast this test can publish.
            streams.pause();
            publish(bootstrap, measuredEvents);
            Instant started = Instant.now();
            streams.resume();
            linked.awaitCount(known + measured, STALL, alive);
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            assertEquals(known + measured, linked.count());
            return String.format("%,13d | %,15d | %7.1f | %,8.0f | %.1f", known, measured, seconds, measured / seconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static Properties config(String bootstrap, String applicationId, Path state) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        return config;
    }

    private static void publish(String bootstrap, List<IntakeEvent> events) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, IntakeEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                AvroSerde.of(IntakeEvent.class))) {
            for (IntakeEvent event : events) {
                producer.send(new ProducerRecord<>(Topic.INTAKE_ACCEPTED.topicName(),
                        event.getAgencyCode() + ":" + event.getPerson().getAgencyRecordId(), event));
            }
        }
    }

    private static List<IntakeEvent> population(long records, String runId) {
        List<IntakeEvent> events = new ArrayList<>();
        // About 1.5 records per person: as many people as records is always enough, and the first
        // records are those of a smaller population, as in a city.
        Simulation.of(2026, records).run(r -> {
            if (events.size() < records) {
                events.add(intake(r, runId));
            }
        });
        if (events.size() < records) {
            throw new IllegalStateException("the simulation gave " + events.size() + " records, not " + records);
        }
        return events;
    }

    private static IntakeEvent intake(SourceRecord r, String runId) {
        return IntakeEvent.newBuilder()
                .setAgencyCode(r.agency()).setAgencyEventId("bench-" + r.recordId()).setEventType("person.updated")
                .setOccurredAt(Instant.now()).setReceivedAt(Instant.now())
                .setPerson(PersonRecord.newBuilder()
                        .setAgencyRecordId(runId + "-" + r.recordId())
                        .setNames(List.of(PersonName.newBuilder().setGiven(r.firstName()).setMiddle(r.middleName())
                                .setFamily(r.lastName()).setUse(NameUse.OFFICIAL).build()))
                        .setDateOfBirth(r.dateOfBirth()).setSex(r.sex()).setSsn(r.ssn())
                        .setAddresses(List.of(Address.newBuilder().setLine1(r.street()).setCity(r.city())
                                .setPostalCode(r.zip()).setUse(AddressUse.HOME).build()))
                        .setPhones(r.phone().isEmpty() ? List.of()
                                : List.of(Phone.newBuilder().setNumber(r.phone()).setUse(PhoneUse.MOBILE).build()))
                        .build())
                .build();
    }
}
