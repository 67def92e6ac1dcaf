package org.civiclink.linkage.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.civiclink.events.IntakeEvent;
import org.civiclink.events.LinkedEvent;
import org.civiclink.events.topic.Topic;
import org.civiclink.linkage.People;
import org.civiclink.linkage.TestDecisions;
import org.civiclink.linkage.engine.DecisionType;
import org.civiclink.linkage.engine.LinkageEngine;
import org.civiclink.linkage.model.LinkageModel;
import org.civiclink.linkage.state.LinkStores;
import org.civiclink.platform.testing.Eventually;
import org.civiclink.platform.testing.KafkaBroker;
import org.civiclink.platform.testing.TopicReader;
import org.civiclink.platform.testing.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * Linkage state outlives the Streams application, on the real broker: restarted on the same state
 * folder it carries on where it stopped, and on an empty folder (a lost disk, a new host) it
 * rebuilds the same state from the changelog topics.
 *
 * <p>This runs the production topology in a plain KafkaStreams rather than in a Quarkus test,
 * because a Quarkus test cannot stop and restart the Streams application it injects. A
 * TopologyTestDriver would not do: it has no changelog topics to restore from and no restart.
 */
class LinkageRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private final LinkageModel model = LinkageModel.defaultModel();
    /** This run's own application, record ids and surname, apart from anything else on the shared topics. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String family = "Restart" + run.chars().mapToObj(c -> String.valueOf((char) ('a' + c % 26)))
            .reduce("", String::concat);

    private final IntakeEvent shelter = person("DHS-SHELTER", "R1", "Eliza", "1971-04-09");
    private final IntakeEvent benefits = person("HRA", "R2", "Eliza", "1971-04-09");
    private final IntakeEvent health = person("HHC", "R3", "Eliza", "1971-04-09");
    private final IntakeEvent oskar = person("ACS", "D1", "Oskar", "1955-10-30");
    private final IntakeEvent wilhelmina = person("DOHMH", "D2", "Wilhelmina", "1999-06-17");

    @Test
    void recordsAndDecisionsSurviveARestartOnTheSameStateFolderAndOnAnEmptyOne() throws Exception {
        Path stateDir = Files.createTempDirectory("linkage-restart");
        List<IntakeEvent> known = List.of(shelter, benefits, oskar, wilhelmina);
        AtomicReference<Observed> before = new AtomicReference<>();
        try (KafkaStreams streams = start(stateDir)) {
            known.forEach(event -> TopicWriter.send(Topic.INTAKE_ACCEPTED, People.key(event), event));
            TopicWriter.send(Topic.LINK_DECISIONS, People.key(oskar), TestDecisions.forceLink(People.key(oskar),
                    People.key(wilhelmina)));
            Eventually.assertWithin(WAIT, () -> {
                Observed state = observe(streams, known);
                assertEquals(state.clientOf(shelter), state.clientOf(benefits));
                assertEquals(DecisionType.FORCE_LINK, state.forced());
                assertEquals(state.clientOf(oskar), state.clientOf(wilhelmina));
                before.set(state);
            });
            assertNotEquals(before.get().clientOf(shelter), before.get().clientOf(oskar));
        }

        try (KafkaStreams restarted = start(stateDir)) {
            Eventually.assertWithin(WAIT, () -> assertEquals(before.get(), observe(restarted, known)));
            TopicWriter.send(Topic.INTAKE_ACCEPTED, People.key(health), health);
            LinkedEvent linked = TopicReader.await(Topic.LINKED_EVENTS, LinkedEvent.class,
                    e -> e.getRecordId().equals(People.key(health)), 1, WAIT).get(0).value();
            assertEquals(before.get().clientOf(shelter), linked.getClientId(), "the restarted linker knows the earlier records");
        }

        List<IntakeEvent> all = List.of(shelter, benefits, health, oskar, wilhelmina);
        try (KafkaStreams rebuilt = start(Files.createTempDirectory("linkage-restart-empty"))) {
            Eventually.assertWithin(WAIT, () -> {
                Observed state = observe(rebuilt, all);
                assertEquals(before.get().clientOf(shelter), state.clientOf(health));
                assertEquals(before.get(), observe(rebuilt, known));
            });
        }
    }

    /** What the queries would answer: each record's client, and the operator's decision on the forced pair. */
    private record Observed(Map<String, String> clients, DecisionType forced) {

        String clientOf(IntakeEvent event) {
            return clients.get(People.key(event));
        }
    }

    private Observed observe(KafkaStreams streams, List<IntakeEvent> events) {
        LinkageEngine engine = new LinkageEngine(model, LinkStores.queryable(model, streams));
        Map<String, String> clients = new LinkedHashMap<>();
        events.forEach(event -> clients.put(People.key(event), engine.clientOf(People.key(event)).orElse(null)));
        return new Observed(clients, engine.decision(People.key(oskar), People.key(wilhelmina)).orElse(null));
    }

    private KafkaStreams start(Path stateDir) {
        KafkaStreams streams = new KafkaStreams(TopologyProducer.topology(model), config(stateDir));
        streams.start();
        return streams;
    }

    private Properties config(Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "linkage-restart-" + run);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // A static member rejoins in place of its stopped self, without waiting out the session timeout.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "restart-" + run);
        return config;
    }

    private IntakeEvent person(String agency, String recordId, String given, String dob) {
        return People.person(agency, run + "-" + recordId, given, family, dob, null, "48 Linden Blvd", "11226", null);
    }
}
