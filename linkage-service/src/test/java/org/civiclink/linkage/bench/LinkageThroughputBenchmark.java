package org.civiclink.linkage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

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

    @Test
    void eventsLinkedPerSecondWithRecordsAlreadyKnown() throws Exception {
        long measured = Long.getLong("linkage.bench.measured", 20_000);
        List<String> table = new ArrayList<>();
        for (String size : System.getProperty("linkage.bench.known", "10000,100000").split(",")) {
            long known = Long.parseLong(size.trim());
            table.add(run(known, measured));
        }
        System.out.println("\nLinkage throughput (real topology, EOS v2, RocksDB, in-process broker)");
        System.out.println("known records | measured events | seconds | events/s");
        table.forEach(System.out::println);
    }

    private String run(long known, long measured) throws Exception {
        String bootstrap = KafkaBroker.bootstrapServers();
        List<IntakeEvent> population = population(known + measured);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        // Fresh topics per run, so each run starts from an empty linker.
        List<IntakeEvent> knownEvents = population.subList(0, (int) known);
        List<IntakeEvent> measuredEvents = population.subList((int) known, population.size());

        Path state = Files.createTempDirectory("linkage-bench");
        try (LinkedCounter linked = new LinkedCounter(bootstrap, runId);
             KafkaStreams streams = new KafkaStreams(TopologyProducer.topology(LinkageModel.defaultModel()), config(bootstrap, runId, state))) {
            publish(bootstrap, knownEvents, runId);
            streams.start();
            linked.awaitCount(known);
            publish(bootstrap, measuredEvents, runId);
            Instant started = Instant.now();
            linked.awaitCount(known + measured);
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            assertEquals(known + measured, linked.count());
            return String.format("%,13d | %,15d | %7.1f | %,8.0f", known, measured, seconds, measured / seconds);
        }
    }

    private static Properties config(String bootstrap, String runId, Path state) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "linkage-bench-" + runId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        return config;
    }

    private static void publish(String bootstrap, List<IntakeEvent> events, String runId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, IntakeEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                AvroSerde.of(IntakeEvent.class))) {
            for (IntakeEvent event : events) {
                event.getPerson().setAgencyRecordId(runId + "-" + event.getPerson().getAgencyRecordId());
                producer.send(new ProducerRecord<>(Topic.INTAKE_ACCEPTED.topicName(),
                        event.getAgencyCode() + ":" + event.getPerson().getAgencyRecordId(), event));
            }
        }
    }

    private static List<IntakeEvent> population(long records) {
        List<IntakeEvent> events = new ArrayList<>();
        Simulation.of(2026, records / 2 + 10).run(r -> {
            if (events.size() < records) {
                events.add(intake(r));
            }
        });
        return events;
    }

    private static IntakeEvent intake(SourceRecord r) {
        return IntakeEvent.newBuilder()
                .setAgencyCode(r.agency()).setAgencyEventId("bench-" + r.recordId()).setEventType("person.updated")
                .setOccurredAt(Instant.now()).setReceivedAt(Instant.now())
                .setPerson(PersonRecord.newBuilder()
                        .setAgencyRecordId(r.recordId())
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
